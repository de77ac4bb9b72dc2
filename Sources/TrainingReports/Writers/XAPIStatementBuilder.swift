import Foundation
import TrainingService
import TrainingStore

/// Builds the xAPI 1.0.3 statements of finished attempts (cmi5 style, see docs/reports.md).
///
/// Each finished attempt gives a `completed` statement and a `passed` or `failed` one. Statement ids
/// are name-based UUIDs of the home page, the attempt id and the verb: exporting or pushing again
/// gives the same ids, and another home page (other content) gives other ids.
public struct XAPIStatementBuilder: Sendable {
    public static let verbs: [String: String] = [
        "completed": "http://adlnet.gov/expapi/verbs/completed",
        "passed": "http://adlnet.gov/expapi/verbs/passed",
        "failed": "http://adlnet.gov/expapi/verbs/failed",
    ]

    /// The actor account's homePage and the base of activity ids, without a trailing slash.
    public let homePage: String
    public let time: ReportTime

    public init(homePage: String, time: ReportTime) {
        self.homePage = homePage.hasSuffix("/") ? String(homePage.dropLast()) : homePage
        self.time = time
    }

    /// The statements of one attempt: completed, then passed or failed; none unless it is finished.
    public func statements(for attempt: Attempt, learner: Learner, moduleTitle: String) -> [XAPIStatement] {
        guard attempt.status == .passed || attempt.status == .failed else { return [] }
        return ["completed", attempt.status == .passed ? "passed" : "failed"].map {
            statement(verb: $0, attempt: attempt, learner: learner, title: moduleTitle)
        }
    }

    /// The id of one statement: a name-based UUID of the home page, attempt id and verb.
    public func statementID(attemptID: UUID, verb: String) -> UUID {
        DeterministicUUID.make(
            namespace: DeterministicUUID.statementNamespace, name: homePage + "/" + attemptID.uuidString.lowercased() + "/" + verb)
    }

    /// One statement as compact JSON.
    func statement(verb: String, attempt: Attempt, learner: Learner, title: String) -> XAPIStatement {
        let attemptID = attempt.id.uuidString.lowercased()
        let id = statementID(attemptID: attempt.id, verb: verb)
        let finished = attempt.finishedAt ?? attempt.startedAt
        let duration = XAPIWriter.duration(finished.timeIntervalSince(attempt.startedAt))
        var actor = "{\"objectType\":\"Agent\""
        if let name = learner.name, !name.isEmpty { actor += ",\"name\":\(TextEscaping.json(name))" }
        actor += ",\"account\":{\"homePage\":\(TextEscaping.json(homePage)),\"name\":\(TextEscaping.json(learner.id))}}"
        let verbID = Self.verbs[verb] ?? ""
        let activity = homePage + "/cares/modules/" + (attempt.moduleID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? attempt.moduleID)
        let object = "{\"objectType\":\"Activity\",\"id\":\(TextEscaping.json(activity)),\"definition\":{\"name\":{\"en\":\(TextEscaping.json(title))},\"type\":\"http://adlnet.gov/expapi/activities/module\"}}"
        var result = "{"
        if verb != "completed" {
            result += "\"score\":\(Self.score(points: attempt.points, maxPoints: attempt.maxPoints)),"
            result += "\"success\":\(verb == "passed"),"
        }
        result += "\"completion\":true,\"duration\":\(TextEscaping.json(duration))}"
        let context = "{\"registration\":\(TextEscaping.json(attemptID)),\"revision\":\(TextEscaping.json(attempt.moduleVersion)),\"platform\":\"cares\"}"
        let json = "{\"id\":\(TextEscaping.json(id.uuidString.lowercased())),\"version\":\"1.0.3\",\"actor\":\(actor),"
            + "\"verb\":{\"id\":\(TextEscaping.json(verbID)),\"display\":{\"en-US\":\(TextEscaping.json(verb))}},"
            + "\"object\":\(object),\"result\":\(result),\"context\":\(context),"
            + "\"timestamp\":\(TextEscaping.json(time.iso(finished)))}"
        return XAPIStatement(id: id, verb: verb, attemptID: attempt.id, timestamp: finished, json: json)
    }

    /// The score object: `raw` the points as recorded (4.5 stays 4.5) within `min` 0 … `max` the
    /// maximum points, and `scaled` their ratio within 0–1.
    static func score(points: Double?, maxPoints: Double?) -> String {
        let max = Swift.max(maxPoints ?? 0, 0)
        let raw = Swift.min(Swift.max(points ?? 0, 0), max)
        let scaled = max > 0 ? raw / max : 0
        return "{\"scaled\":\(ValueFormatter.plain(scaled)),\"raw\":\(ValueFormatter.plain(raw)),\"min\":0,\"max\":\(ValueFormatter.plain(max))}"
    }
}
