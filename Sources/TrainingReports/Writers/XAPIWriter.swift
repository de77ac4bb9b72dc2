import Foundation
import TrainingService
import TrainingStore

/// A JSON array of xAPI 1.0.3 statements, written as attempts stream past (the statements
/// themselves come from `XAPIStatementBuilder`).
public final class XAPIWriter {
    public static var verbs: [String: String] { XAPIStatementBuilder.verbs }

    private let output: ReportOutput
    public let builder: XAPIStatementBuilder
    private var first = true

    /// `homePage` is the actor account's homePage and the base of activity ids.
    public init(output: ReportOutput, homePage: String, time: ReportTime) {
        self.output = output
        builder = XAPIStatementBuilder(homePage: homePage, time: time)
    }

    public func begin() throws { try output.write("[") }

    public func finish() throws {
        try output.write(first ? "]\n" : "\n]\n")
        try output.flush()
    }

    /// The statements for one finished attempt: completed, then passed or failed.
    public func statements(for attempt: Attempt, learner: Learner, moduleTitle: String) throws {
        for statement in builder.statements(for: attempt, learner: learner, moduleTitle: moduleTitle) {
            try write(statement.json)
        }
    }

    private func write(_ statement: String) throws {
        try output.write((first ? "\n  " : ",\n  ") + statement)
        first = false
    }

    /// An ISO 8601 duration to the hundredth of a second, as cmi5 asks: `PT1H2M3.45S`, `PT0S`.
    public static func duration(_ seconds: TimeInterval) -> String {
        let hundredths = Int((Swift.max(0, seconds) * 100).rounded())
        let hours = hundredths / 360_000
        let minutes = hundredths / 6_000 % 60
        let secondHundredths = hundredths % 6_000
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if secondHundredths > 0 || (hours == 0 && minutes == 0) {
            let whole = secondHundredths / 100, fraction = secondHundredths % 100
            text += fraction == 0 ? "\(whole)S" : String(format: "%d.%02dS", whole, fraction)
        }
        return text
    }
}
