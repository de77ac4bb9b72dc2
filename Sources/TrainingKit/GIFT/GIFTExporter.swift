import Foundation

/// Writes a module's questions in GIFT, Moodle's question format, and says what GIFT cannot carry.
///
/// single → `=right ~wrong`, multiple → `~%50%right ~%-50%wrong`, true-false → `{TRUE#wrong#right}`,
/// short → `{=a =b}`, matching → `{=left -> right}`; choice feedback → `#…`; explanation and
/// question feedback → general feedback `####…`. Objectives, points and hints travel as `//` comments
/// that `GIFTImporter` reads back. Order and reflection questions are left out with a warning; a
/// scenario's questions are written one by one with the scenario text before each prompt.
public struct GIFTExporter: Sendable {
    public init() {}

    /// The GIFT text and a warning (at the question's line in the module file) for everything not carried.
    public func export(_ module: Module) -> (text: String, warnings: [Diagnostic]) {
        let bag = DiagnosticBag(file: module.path)
        var lines = [
            "// Exported by cares from module '\(module.id)' version \(module.version).",
            "// GIFT carries questions only: lessons, sources and the pass mark stay in the module file.",
            "// title: \(oneLine(module.title))",
        ]
        for objective in module.objectives {
            lines.append("// objective \(objective.id): \(oneLine(objective.text))")
        }
        lines.append("")
        lines.append("$CATEGORY: \(module.id)")
        lines.append("")
        for unit in module.quiz.units {
            switch unit {
            case .question(let question):
                lines += export(question, context: nil, bag: bag)
            case .scenario(let scenario):
                bag.warning(
                    "scenario '\(scenario.id)': GIFT has no scenarios; its questions are written one by one, each with the scenario text before its prompt",
                    at: scenario.location)
                for question in scenario.questions {
                    lines += export(question, context: "**\(scenario.title)**\n\n\(scenario.text)\n\n", bag: bag)
                }
            }
        }
        return (lines.joined(separator: "\n"), bag.sorted)
    }

    private func export(_ question: Question, context: String?, bag: DiagnosticBag) -> [String] {
        let label = "question '\(question.id)'"
        var feedback = question.feedback
        let warn = { (message: String) in bag.warning("\(label): \(message)", at: question.location) }
        guard let answers = question.kind.unit.giftAnswers(feedback: &feedback, warn: warn) else { return [] }
        var general: [String] = []
        switch feedback {
        case .always(let text): general.append(text)
        case .byOutcome:
            bag.warning(
                "\(label): GIFT has no separate feedback for right and wrong answers to a \(question.kind.typeName) question; not carried",
                at: question.location)
        case nil: break
        }
        if let explanation = question.explanation { general.append(explanation) }
        if general.count > 1 {
            bag.warning(
                "\(label): its feedback and explanation are joined into one general feedback", at: question.location)
        }
        var lines = ["// objective: \(question.objective)"]
        if question.points != 1 {
            lines.append("// points: \(question.points)")
            bag.warning(
                "\(label): Moodle does not read points from GIFT; set the question's default mark to \(question.points) after import",
                at: question.location)
        }
        if let hint = question.hint {
            lines.append("// hint: \(oneLine(hint))")
            bag.warning("\(label): GIFT has no hints; the hint is kept as a comment only", at: question.location)
        }
        lines.append("::\(escape(question.id))::\(escape((context ?? "") + question.prompt)){")
        lines += answers.map { "\t" + $0 }
        if !general.isEmpty { lines.append("\t####" + escape(general.joined(separator: "\n\n"))) }
        lines.append("}")
        lines.append("")
        return lines
    }

    private func escape(_ text: String) -> String {
        GIFTText.exported(text)
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// A GIFT weight: whole numbers as such, else five decimals as Moodle writes them (33.33333).
    static func percent(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var text = String(format: "%.5f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
