/// Reads typed values from located YAML nodes, reporting every mismatch to a diagnostic bag.
///
/// Scalars follow the YAML 1.2 core schema: only `true`/`false` are booleans, so `yes` is text.
/// Every text passes through the placeholder check.
struct NodeDecoder {
    let bag: DiagnosticBag
    let source: SourceText
    let placeholders: PlaceholderChecker

    init(bag: DiagnosticBag, source: SourceText, placeholders: PlaceholderChecker) {
        self.bag = bag
        self.source = source
        self.placeholders = placeholders
    }

    /// Text from a scalar; a mapping or list is an error (with the quoting hint for `{{…}}`).
    func text(_ node: YAMLNode, field: String) -> String? {
        switch node.value {
        case .scalar(let text, _):
            if node.isNull { return nil }
            placeholders.check(text, in: node, decoder: self)
            return text
        case .mapping, .sequence:
            if node.isFlow, case .mapping = node.value, source.find("{{", from: node.start, throughLine: node.start.line) == node.start {
                bag.error(
                    "'\(field)' starts with '{{', which YAML reads as a mapping", at: node.start,
                    hint: "put the whole value in quotes, e.g. \"{{site.safeguarding_lead}} …\"")
            } else {
                bag.error("'\(field)' should be text, but it is \(node.kindDescription)", at: node.start)
            }
            return nil
        }
    }

    /// A whole number within a range.
    func int(_ node: YAMLNode, field: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let text, let style) = node.value, style.isPlain, let value = Self.parseInt(text) else {
            bag.error(
                "'\(field)' should be a whole number, but it is \(describe(node))", at: node.start,
                length: node.scalarText?.count ?? 1)
            return nil
        }
        guard range.contains(value) else {
            bag.error(
                "'\(field)' is \(value); it must be between \(range.lowerBound) and \(range.upperBound)",
                at: node.start, length: text.count)
            return nil
        }
        return value
    }

    /// `true` or `false` (the YAML 1.2 core spellings only).
    func bool(_ node: YAMLNode, field: String) -> Bool? {
        if case .scalar(let text, let style) = node.value, style.isPlain {
            if ["true", "True", "TRUE"].contains(text) { return true }
            if ["false", "False", "FALSE"].contains(text) { return false }
        }
        var hint: String?
        if let text = node.scalarText, ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased()) {
            hint = "YAML 1.2 reads '\(text)' as text; write true or false"
        }
        bag.error(
            "'\(field)' should be true or false, but it is \(describe(node))", at: node.start,
            length: node.scalarText?.count ?? 1, hint: hint)
        return nil
    }

    /// The items of a list; a lone scalar is an error.
    func list(_ node: YAMLNode, field: String) -> [YAMLNode]? {
        guard case .sequence(let items) = node.value else {
            bag.error(
                "'\(field)' should be a list, but it is \(describe(node))", at: node.start,
                hint: "write the items as '- item' lines or as [a, b]")
            return nil
        }
        return items
    }

    /// A list of texts.
    func textList(_ node: YAMLNode, field: String) -> [String]? {
        guard let items = list(node, field: field) else { return nil }
        return items.compactMap { item in
            let value = text(item, field: field)
            if value == nil, item.isNull { bag.error("an item of '\(field)' is empty", at: item.start) }
            return value
        }
    }

    /// A reader over a mapping's keys.
    func mapping(_ node: YAMLNode, what: String) -> MappingReader? {
        guard case .mapping(let pairs) = node.value else {
            bag.error("\(what) should be a mapping of keys and values, but it is \(describe(node))", at: node.start)
            return nil
        }
        return MappingReader(node: node, pairs: pairs, what: what, decoder: self)
    }

    /// Checks that an id is kebab-case; returns it either way so later checks still run.
    @discardableResult
    func checkID(_ id: String, at node: YAMLNode, what: String) -> Bool {
        guard Self.isKebabCase(id) else {
            let suggestion = Self.kebabCased(id)
            bag.error(
                "\(what) id '\(id)' is not kebab-case", at: node.start, length: id.count,
                hint: suggestion.isEmpty ? "use lower-case letters, digits and single hyphens" : "try '\(suggestion)'")
            return false
        }
        return true
    }

    func describe(_ node: YAMLNode) -> String {
        if let text = node.scalarText {
            return node.isNull ? "empty" : "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        }
        return node.kindDescription
    }

    /// Whether text is kebab-case: lower-case letters and digits in words joined by single hyphens, at most 64 characters.
    static func isKebabCase(_ text: String) -> Bool {
        // On bytes: every allowed character is one ASCII byte.
        var count = 0
        var previous: UInt8 = 0x2D
        for byte in text.utf8 {
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D else { return false }
            // A hyphen first or after another hyphen.
            if byte == 0x2D, previous == 0x2D { return false }
            previous = byte
            count += 1
        }
        return count > 0 && count <= 64 && previous != 0x2D
    }

    /// A kebab-case rendering of some text, for hints.
    static func kebabCased(_ text: String) -> String {
        var result = ""
        var previousWasLower = false
        for scalar in text.unicodeScalars {
            if ("A"..."Z").contains(scalar) {
                if previousWasLower { result.append("-") }
                result.append(Character(scalar).lowercased())
                previousWasLower = false
            } else if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
                previousWasLower = true
            } else {
                if !result.hasSuffix("-"), !result.isEmpty { result.append("-") }
                previousWasLower = false
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    static func parseInt(_ text: String) -> Int? {
        var digits = Substring(text)
        if digits.first == "+" { digits = digits.dropFirst() }
        let body = digits.first == "-" ? digits.dropFirst() : digits
        guard !body.isEmpty, body.count <= 18, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
