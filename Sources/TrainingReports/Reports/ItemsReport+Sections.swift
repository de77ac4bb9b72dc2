import Foundation
import TrainingKit

extension ItemsReport {
    static func testSection(version: String, rule: ItemAttemptRule) -> ReportSection {
        ReportSection(
            key: "test", title: "Whole test (version \(version), \(rule.described))",
            columns: [
                ReportColumn("version", "Version", inTerminal: false), ReportColumn("attempt_rule", "Attempts counted", inTerminal: false),
                ReportColumn("attempts", "Attempts", .integer), ReportColumn("mean", "Mean", .fraction),
                ReportColumn("median", "Median", .fraction), ReportColumn("sd", "SD", .fraction),
                ReportColumn("skewness", "Skewness", .ratio), ReportColumn("kurtosis", "Kurtosis", .ratio),
                ReportColumn("alpha", "Alpha", .ratio), ReportColumn("error_ratio", "Error ratio", .fraction),
                ReportColumn("standard_error", "SE", .fraction),
            ],
            isRecord: true)
    }

    public static let questions = ReportSection(
        key: "questions", title: "Questions",
        columns: [
            ReportColumn("id", "Question"), ReportColumn("objective_id", "Objective", inTerminal: false),
            ReportColumn("prompt", "Prompt", inTerminal: false), ReportColumn("attempts", "N", .integer),
            ReportColumn("skipped", "Skipped", .integer, inTerminal: false), ReportColumn("max_points", "Max", .points, inTerminal: false),
            ReportColumn("facility", "Facility", .fraction), ReportColumn("sd", "SD", .ratio),
            ReportColumn("random_guess_score", "Guess", .ratio), ReportColumn("discrimination", "Discrim.", .ratio),
            ReportColumn("discriminative_efficiency", "Effic.", .ratio),
            ReportColumn("needs_checking", "Needs checking", .bool, inTerminal: false), ReportColumn("reasons", "Check"),
            ReportColumn("most_chosen_wrong", "Most chosen wrong answer", inTerminal: false),
            ReportColumn("most_chosen_wrong_count", "Times", .integer, inTerminal: false),
            ReportColumn("objective_mastery_rate", "Objective mastery", .ratio, inTerminal: false),
            ReportColumn("choices", "Choices", inTerminal: false, inHTML: false),
        ])

    /// One row per choice, for tables and HTML; JSON nests the same figures in each question's `choices`.
    public static let choices = ReportSection(
        key: "choices", title: "Distractor analysis (share who chose each; upper and lower 27% by score)",
        columns: [
            ReportColumn("question_id", "Question"), ReportColumn("id", "Choice"), ReportColumn("correct", "Key", .bool),
            ReportColumn("share", "All", .fraction), ReportColumn("upper_share", "Upper", .fraction),
            ReportColumn("lower_share", "Lower", .fraction), ReportColumn("text", "Text"),
        ],
        inJSON: false)

    public static let objectives = ReportSection(
        key: "objectives", title: "Objectives",
        columns: [
            ReportColumn("objective_id", "Objective"), ReportColumn("objective_text", "Text"),
            ReportColumn("attempts", "Attempts", .integer), ReportColumn("mastered", "Mastered", .integer),
            ReportColumn("mastery_rate", "Mastery rate", .fraction),
        ])

    static func testRow(_ test: TestStatistics, version: String, rule: ItemAttemptRule) -> [ReportValue] {
        [
            .text(version), .text(rule.rawValue), .integer(test.attempts), .number(test.mean), .number(test.median),
            .number(test.standardDeviation), .number(test.skewness), .number(test.kurtosis), .number(test.alpha),
            .number(test.errorRatio), .number(test.standardError),
        ]
    }

    func questionRow(_ item: ItemStatistics, module: Module?, mastery: ObjectiveMastery) -> [ReportValue] {
        let question = module?.quiz.question(id: item.questionID)
        let wrong = item.mostCommonWrong
        let reasons = item.reasons
        return [
            .text(item.questionID), .text(question?.objective), .text(question?.prompt), .integer(item.attempts),
            .integer(item.skipped), .number(question.map { Double($0.maxPoints) }), .number(item.facility),
            .number(item.standardDeviation), .number(item.randomGuessScore), .number(item.discrimination),
            .number(item.discriminativeEfficiency), .bool(!reasons.isEmpty), .text(reasons.isEmpty ? nil : reasons.joined(separator: "; ")),
            .text(wrong.map { describe($0.answer, questionID: item.questionID, in: module) }), .integer(wrong?.count),
            .number(question.flatMap { mastery.rate(objective: $0.objective) }),
            .records(
                keys: ["id", "text", "correct", "share", "upper_share", "lower_share", "chosen"],
                rows: item.choices.map { choice in
                    [.text(choice.id), .text(choice.text), .bool(choice.isCorrect), .number(choice.share), .number(choice.upperShare),
                     .number(choice.lowerShare), .integer(choice.chosen)]
                },
                text: item.choices.map(Self.choiceText).joined(separator: "; ")),
        ]
    }

    static func choiceRow(_ choice: ChoiceStatistics, questionID: String) -> [ReportValue] {
        [
            .text(questionID), .text(choice.id), .bool(choice.isCorrect), .number(choice.share), .number(choice.upperShare),
            .number(choice.lowerShare), .text(choice.text),
        ]
    }

    /// `a (key) 50% upper 100% lower 0%`.
    static func choiceText(_ choice: ChoiceStatistics) -> String {
        func shown(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
        return "\(choice.id)\(choice.isCorrect ? " (key)" : "") \(shown(choice.share)) upper \(shown(choice.upperShare)) lower \(shown(choice.lowerShare))"
    }

    /// A wrong answer as a coordinator reads it: the choice's id and text when known.
    func describe(_ answer: String, questionID: String, in module: Module?) -> String {
        guard let question = module?.quiz.question(id: questionID) else { return answer }
        if let choice = question.kind.choices.first(where: { $0.id == answer }) { return "\(answer): \(choice.text)" }
        if case .order(let items) = question.kind {
            let texts = answer.split(separator: ",").map { letter -> String in
                let index = (0..<items.count).first { Choice.positionalID($0) == String(letter) }
                return index.map { items[$0] } ?? String(letter)
            }
            return texts.joined(separator: " → ")
        }
        return answer
    }
}
