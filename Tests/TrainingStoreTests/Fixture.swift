import Foundation
import TrainingStore

/// Records for store tests, with dates given in whole milliseconds since 1970.
enum Fixture {
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func module(_ id: String = "recognising-signs") -> ModuleSnapshot {
        ModuleSnapshot(
            moduleID: id, version: "1.0.0", title: "Module \(id)", contentHash: "sha256:\(id)", passMark: 80,
            validForDays: 365, maxAttempts: 3)
    }

    /// An attempt in progress at `module(module)` version 1.0.0, started `startedAt` ms after 1970.
    static func attempt(
        learner: String = "rn-4471", module: String = "recognising-signs", startedAt: Int64 = 1_700_000_000_000,
        osUser: String = "", host: String = ""
    ) -> Attempt {
        Attempt(
            learnerID: learner, moduleID: module, moduleVersion: "1.0.0", contentHash: "sha256:\(module)",
            seed: 0x5eed_cafe, questionCount: 10, startedAt: date(startedAt), osUser: osUser, host: host)
    }

    /// An attempt in progress at `module`, whatever its version and hash.
    static func attempt(
        learner: String, startedAt: Int64 = 1_700_000_000_000, for module: ModuleSnapshot
    ) -> Attempt {
        var attempt = attempt(learner: learner, module: module.moduleID, startedAt: startedAt)
        attempt.moduleVersion = module.version
        attempt.contentHash = module.contentHash
        return attempt
    }

    static func response(
        _ attemptID: UUID, _ questionID: String, answer: String, position: Int,
        at milliseconds: Int64 = 1_700_000_000_500
    ) -> Response {
        Response(
            attemptID: attemptID, questionID: questionID, answer: answer, isCorrect: true, points: 1, maxPoints: 1,
            position: position, answeredAt: date(milliseconds))
    }

    // Dates rounded to the millisecond, so records from any backend compare equal.

    static func normalized(_ date: Date) -> Date { self.date(milliseconds(date)) }

    static func normalized(_ learner: Learner) -> Learner {
        var learner = learner
        learner.createdAt = normalized(learner.createdAt)
        learner.updatedAt = normalized(learner.updatedAt)
        return learner
    }

    static func normalized(_ attempt: Attempt) -> Attempt {
        var attempt = attempt
        attempt.startedAt = normalized(attempt.startedAt)
        attempt.finishedAt = attempt.finishedAt.map(normalized)
        return attempt
    }

    static func normalized(_ response: Response) -> Response {
        var response = response
        response.answeredAt = normalized(response.answeredAt)
        return response
    }

    static func normalized(_ event: AuditEvent) -> AuditEvent {
        var event = event
        event.at = normalized(event.at)
        return event
    }
}
