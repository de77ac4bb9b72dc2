/// Writes a module as YAML: block structure, every text a double-quoted scalar escaped as in JSON.
///
/// The output reads back with `ModuleLoader` to the same module (locations aside).
public struct ModuleYAMLWriter: Sendable {
    /// Comment lines written at the top, each prefixed with `# `.
    public var header: [String]

    public init(header: [String] = []) {
        self.header = header
    }

    public func text(_ module: Module) -> String {
        var out = header.map { "# " + $0.replacingOccurrences(of: "\n", with: " ") }
        func text(_ key: String, _ value: String?, _ indent: Int) {
            if let value { out.append(pad(indent) + key + ": " + JSONValue.quoted(value)) }
        }
        func number(_ key: String, _ value: Int?, _ indent: Int) {
            if let value { out.append(pad(indent) + key + ": " + String(value)) }
        }
        func list(_ key: String, _ values: [String], _ indent: Int) {
            out.append(pad(indent) + key + ": [" + values.map(JSONValue.quoted).joined(separator: ", ") + "]")
        }
        text("id", module.id, 0)
        text("version", module.version.description, 0)
        text("title", module.title, 0)
        text("summary", module.summary, 0)
        if !module.audience.isEmpty { list("audience", module.audience, 0) }
        number("estimated_minutes", module.estimatedMinutes, 0)
        text("content_warning", module.contentWarning, 0)
        number("pass_mark", module.passMark, 0)
        number("max_attempts", module.maxAttempts, 0)
        number("retake_after_hours", module.retakeAfterHours, 0)
        number("valid_for_days", module.validForDays, 0)
        out.append("sources:")
        out += module.sources.map { "  - " + JSONValue.quoted($0) }
        out.append("objectives:")
        for objective in module.objectives {
            out.append("  - id: " + JSONValue.quoted(objective.id))
            text("text", objective.text, 4)
        }
        out.append("lessons:")
        for lesson in module.lessons {
            out.append("  - id: " + JSONValue.quoted(lesson.id))
            text("title", lesson.title, 4)
            if !lesson.objectives.isEmpty { list("objectives", lesson.objectives, 4) }
            text("body", lesson.body, 4)
        }
        out.append("quiz:")
        number("draw", module.quiz.draw, 2)
        if !module.quiz.shuffle { out.append("  shuffle: false") }
        if module.quiz.feedback != .immediate { out.append("  feedback: " + module.quiz.feedback.rawValue) }
        out.append("  questions:")
        for unit in module.quiz.units {
            switch unit {
            case .question(let question):
                out += lines(question, indent: 4)
            case .scenario(let scenario):
                out.append("    - scenario:")
                out.append("        id: " + JSONValue.quoted(scenario.id))
                text("title", scenario.title, 8)
                text("text", scenario.text, 8)
                out.append("        questions:")
                for question in scenario.questions { out += lines(question, indent: 10) }
            }
        }
        text("closing", module.closing, 0)
        return out.joined(separator: "\n") + "\n"
    }

    private func lines(_ question: Question, indent: Int) -> [String] {
        let inner = indent + 2
        var out = YAMLLines()
        out.append("- id: " + JSONValue.quoted(question.id), indent: indent)
        out.text("type", question.kind.typeName, indent: inner)
        out.text("objective", question.objective, indent: inner)
        out.text("prompt", question.prompt, indent: inner)
        if question.points != 1 { out.append("points: \(question.points)", indent: inner) }
        out.text("hint", question.hint, indent: inner)
        question.kind.unit.writeYAML(into: &out, indent: inner)
        switch question.feedback {
        case .always(let value): out.text("feedback", value, indent: inner)
        case .byOutcome(let right, let wrong):
            out.append("feedback:", indent: inner)
            out.text("correct", right, indent: inner + 2)
            out.text("incorrect", wrong, indent: inner + 2)
        case nil: break
        }
        out.text("explanation", question.explanation, indent: inner)
        return out.lines
    }

    private func pad(_ count: Int) -> String { String(repeating: " ", count: count) }
}
