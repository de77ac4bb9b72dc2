/// Maps a module's YAML tree to a `Module`, reporting every structural and semantic problem with its location.
struct ModuleDecoder {
    static let topLevelKeys = [
        "id", "version", "title", "summary", "audience", "estimated_minutes", "content_warning", "pass_mark",
        "max_attempts", "retake_after_hours", "valid_for_days", "sources", "objectives", "lessons", "quiz", "closing",
    ]

    let decoder: NodeDecoder
    let uses = ObjectiveUses()
    var bag: DiagnosticBag { decoder.bag }

    /// Decodes the module; returns nil when an error was found anywhere in it.
    func decode(_ root: YAMLNode, path: String, contentHash: String) -> Module? {
        guard let top = decoder.mapping(root, what: "a module") else { return nil }
        top.rejectUnknownKeys(allowed: Self.topLevelKeys)

        let id = top.requiredText("id")
        if let id, let node = top.value("id") { decoder.checkID(id, at: node, what: "module") }
        var version: SemanticVersion?
        if let node = top.required("version"), let text = decoder.text(node, field: "version") {
            version = SemanticVersion(text)
            if version == nil {
                bag.error(
                    "version '\(text)' is not a semantic version", at: node.start, length: text.count,
                    hint: "write MAJOR.MINOR.PATCH, e.g. 1.0.0 (a MAJOR bump makes earlier completions due again)")
            }
        }
        let title = top.requiredText("title")
        let summary = top.requiredText("summary")
        let audience = top.value("audience").flatMap { decoder.textList($0, field: "audience") } ?? []
        let minutes = top.optionalInt("estimated_minutes", in: 1...600)
        let warning = top.optionalText("content_warning")
        let passMark = top.value("pass_mark") == nil ? 80 : top.optionalInt("pass_mark", in: 0...100)
        let maxAttempts = top.optionalInt("max_attempts", in: 1...1000)
        let validFor = top.optionalInt("valid_for_days", in: 1...36500)
        let retakeAfter = top.optionalInt("retake_after_hours", in: 1...8760)
        let closing = top.optionalText("closing")
        var sources: [String]?
        if let node = top.required("sources") {
            sources = decoder.textList(node, field: "sources")
            if sources?.isEmpty == true {
                bag.error("'sources' is empty", at: node.start, hint: "every module lists where its facts come from")
            }
        }
        let objectives = decodeObjectives(top)
        let lessons = decodeLessons(top)
        var quiz = top.required("quiz").flatMap(decodeQuiz)
        if let location = top.keyLocation("quiz") { quiz?.location = location }

        if let objectives {
            checkReferences(objectives: objectives, lessons: lessons ?? [], warnUntested: quiz != nil)
        }
        guard !bag.hasErrors, let id, let version, let title, let summary, let passMark, let sources,
            let objectives, let lessons, let quiz
        else { return nil }
        return Module(
            id: id, version: version, title: title, summary: summary, audience: audience,
            estimatedMinutes: minutes, contentWarning: warning, passMark: passMark, maxAttempts: maxAttempts,
            validForDays: validFor, sources: sources, objectives: objectives, lessons: lessons, quiz: quiz,
            closing: closing, contentHash: contentHash, path: path, retakeAfterHours: retakeAfter)
    }

    private func decodeObjectives(_ top: MappingReader) -> [Objective]? {
        guard let node = top.required("objectives"), let items = decoder.list(node, field: "objectives") else { return nil }
        if items.isEmpty { bag.error("'objectives' is empty", at: node.start, hint: "state at least one objective") }
        var seen = IDRegistry(kind: "objective", bag: bag)
        return items.compactMap { item in
            guard let map = decoder.mapping(item, what: "an objective") else { return nil }
            map.rejectUnknownKeys(allowed: ["id", "text"])
            guard let id = map.requiredText("id"), let text = map.requiredText("text") else { return nil }
            if let idNode = map.value("id") {
                decoder.checkID(id, at: idNode, what: "objective")
                seen.register(id, at: idNode)
            }
            return Objective(id: id, text: text, location: item.start)
        }
    }

    private func decodeLessons(_ top: MappingReader) -> [Lesson]? {
        guard let node = top.required("lessons"), let items = decoder.list(node, field: "lessons") else { return nil }
        if items.isEmpty { bag.error("'lessons' is empty", at: node.start, hint: "a module needs at least one lesson") }
        var seen = IDRegistry(kind: "lesson", bag: bag)
        return items.compactMap { item in
            guard let map = decoder.mapping(item, what: "a lesson") else { return nil }
            map.rejectUnknownKeys(allowed: ["id", "title", "objectives", "body"])
            let id = map.requiredText("id")
            if let id, let idNode = map.value("id") {
                decoder.checkID(id, at: idNode, what: "lesson")
                seen.register(id, at: idNode)
            }
            let title = map.requiredText("title")
            let body = map.requiredText("body")
            let objectives = map.value("objectives").flatMap { decoder.textList($0, field: "objectives") } ?? []
            guard let id, let title, let body else { return nil }
            return Lesson(id: id, title: title, objectives: objectives, body: body, location: item.start)
        }
    }
}
