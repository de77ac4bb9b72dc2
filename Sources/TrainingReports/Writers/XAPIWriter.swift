import Foundation
import TrainingService
import TrainingStore

/// A JSON array of xAPI 1.0.3 statements, written as attempts stream past.
///
/// Each finished attempt gives a `completed` statement and a `passed` or `failed` one, following
/// cmi5: the score (scaled 0–1; raw an integer within min–max) and success on passed/failed, completion
/// on all, and a duration on each. Statement ids are name-based UUIDs of the attempt id and verb, so
/// exporting again never duplicates a statement in an LRS.
public final class XAPIWriter {
    public static let verbs: [String: String] = [
        "completed": "http://adlnet.gov/expapi/verbs/completed",
        "passed": "http://adlnet.gov/expapi/verbs/passed",
        "failed": "http://adlnet.gov/expapi/verbs/failed",
    ]

    private let output: ReportOutput
    private let homePage: String
    private let time: ReportTime
    private var first = true

    /// `homePage` is the actor account's homePage and the base of activity ids.
    public init(output: ReportOutput, homePage: String, time: ReportTime) {
        self.output = output
        self.homePage = homePage.hasSuffix("/") ? String(homePage.dropLast()) : homePage
        self.time = time
    }

    public func begin() throws { try output.write("[") }

    public func finish() throws {
        try output.write(first ? "]\n" : "\n]\n")
        try output.flush()
    }

    /// The statements for one finished attempt: completed, then passed or failed.
    public func statements(for attempt: Attempt, learner: Learner, moduleTitle: String) throws {
        guard attempt.status == .passed || attempt.status == .failed else { return }
        try write(statement(verb: "completed", attempt: attempt, learner: learner, title: moduleTitle))
        try write(statement(verb: attempt.status == .passed ? "passed" : "failed", attempt: attempt, learner: learner, title: moduleTitle))
    }

    private func write(_ statement: String) throws {
        try output.write((first ? "\n  " : ",\n  ") + statement)
        first = false
    }

    /// One statement as compact JSON.
    func statement(verb: String, attempt: Attempt, learner: Learner, title: String) -> String {
        let attemptID = attempt.id.uuidString.lowercased()
        let id = DeterministicUUID.make(namespace: DeterministicUUID.statementNamespace, name: attemptID + "/" + verb)
        let finished = attempt.finishedAt ?? attempt.startedAt
        let duration = Self.duration(finished.timeIntervalSince(attempt.startedAt))
        var actor = "{\"objectType\":\"Agent\""
        if let name = learner.name, !name.isEmpty { actor += ",\"name\":\(TextEscaping.json(name))" }
        actor += ",\"account\":{\"homePage\":\(TextEscaping.json(homePage)),\"name\":\(TextEscaping.json(learner.id))}}"
        let verbID = Self.verbs[verb] ?? ""
        let activity = homePage + "/cares/modules/" + (attempt.moduleID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? attempt.moduleID)
        let object = "{\"objectType\":\"Activity\",\"id\":\(TextEscaping.json(activity)),\"definition\":{\"name\":{\"en\":\(TextEscaping.json(title))},\"type\":\"http://adlnet.gov/expapi/activities/module\"}}"
        var result = "{"
        if verb != "completed" {
            let max = (attempt.maxPoints ?? 0).rounded()
            let points = attempt.points ?? 0
            let raw = Swift.min(Swift.max(points.rounded(), 0), max)
            let scaled = max > 0 ? Swift.min(Swift.max(points / (attempt.maxPoints ?? max), 0), 1) : 0
            result += "\"score\":{\"scaled\":\(ValueFormatter.plain(scaled)),\"raw\":\(Int(raw)),\"min\":0,\"max\":\(Int(max))},"
            result += "\"success\":\(verb == "passed"),"
        }
        result += "\"completion\":true,\"duration\":\(TextEscaping.json(duration))}"
        let context = "{\"registration\":\(TextEscaping.json(attemptID)),\"revision\":\(TextEscaping.json(attempt.moduleVersion)),\"platform\":\"cares\"}"
        return "{\"id\":\(TextEscaping.json(id.uuidString.lowercased())),\"version\":\"1.0.3\",\"actor\":\(actor),"
            + "\"verb\":{\"id\":\(TextEscaping.json(verbID)),\"display\":{\"en-US\":\(TextEscaping.json(verb))}},"
            + "\"object\":\(object),\"result\":\(result),\"context\":\(context),"
            + "\"timestamp\":\(TextEscaping.json(time.iso(finished)))}"
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
