/// Maps a site file's YAML tree to a `Site`.
struct SiteDecoder {
    let decoder: NodeDecoder
    var bag: DiagnosticBag { decoder.bag }

    /// The site, and where each required module id was named (for checks against the module set).
    func decode(_ root: YAMLNode, path: String) -> (Site, [(String, SourceLocation)])? {
        guard let top = decoder.mapping(root, what: "the site file") else { return nil }
        top.rejectUnknownKeys(allowed: ["facts", "requirements", "xapi"])
        var facts: [String: String] = [:]
        if let node = top.value("facts"), let map = decoder.mapping(node, what: "'facts'"), case .mapping(let pairs) = node.value {
            for pair in pairs {
                guard let key = pair.key.scalarText else { continue }
                if !Self.isSnakeCase(key) {
                    bag.error(
                        "fact key '\(key)' is not snake_case", at: pair.key.start, length: key.count,
                        hint: "use lower-case letters, digits and underscores, e.g. safeguarding_lead")
                }
                guard let value = decoder.text(pair.value, field: key) else {
                    if pair.value.isNull { bag.error("fact '\(key)' has no value", at: pair.key.start, length: key.count) }
                    continue
                }
                if value.contains("{{") {
                    bag.error("fact '\(key)' contains a placeholder; facts are plain text", at: pair.value.start)
                }
                facts[key] = value
            }
            _ = map
        }
        var named: [(String, SourceLocation)] = []
        var requirements: [Requirement] = []
        if let node = top.value("requirements"), let items = decoder.list(node, field: "requirements") {
            for item in items {
                guard let map = decoder.mapping(item, what: "a requirement") else { continue }
                map.rejectUnknownKeys(allowed: ["modules", "departments", "roles"])
                guard let modulesNode = map.required("modules"),
                    let modules = decoder.textList(modulesNode, field: "modules")
                else { continue }
                if case .sequence(let moduleNodes) = modulesNode.value {
                    for (id, moduleNode) in zip(modules, moduleNodes) { named.append((id, moduleNode.start)) }
                }
                if modules.isEmpty { bag.error("'modules' is empty", at: modulesNode.start) }
                let departments = map.value("departments").flatMap { decoder.textList($0, field: "departments") } ?? ["*"]
                let roles = map.value("roles").flatMap { decoder.textList($0, field: "roles") } ?? ["*"]
                if map.value("departments") == nil {
                    bag.error("a requirement has no 'departments'", at: item.start, hint: "write departments: [\"*\"] for everyone")
                }
                requirements.append(Requirement(modules: modules, departments: departments, roles: roles))
            }
        }
        var homePage: String?
        if let node = top.value("xapi"), let map = decoder.mapping(node, what: "'xapi'") {
            map.rejectUnknownKeys(allowed: ["home_page"])
            homePage = map.optionalText("home_page")
            if let homePage, let pageNode = map.value("home_page"),
                !(homePage.hasPrefix("https://") || homePage.hasPrefix("http://"))
            {
                bag.error("'home_page' must be an http(s) URL", at: pageNode.start, length: homePage.count)
            }
        }
        let site = Site(facts: facts, requirements: requirements, xapiHomePage: homePage, path: path)
        return (site, named)
    }

    static func isSnakeCase(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
