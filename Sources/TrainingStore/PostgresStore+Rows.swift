import Foundation
import PostgresNIO

/// Turning rows into records, and dates to the millisecond as SQLite keeps them.
extension PostgresStore {
    static let learnerColumns = SQLiteStore.learnerColumns
    static let attemptColumns = SQLiteStore.attemptColumns
    static let responseColumns = SQLiteStore.responseColumns
    static let moduleColumns = SQLiteStore.moduleColumns

    /// The text of an attempt id in messages: lowercase, as SQLite stores it.
    static func text(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// `date` rounded to the millisecond, the precision every backend keeps.
    static func stored(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    static func learner(from row: PostgresRandomAccessRow) throws -> Learner {
        Learner(
            id: try row["id"].decode(String.self),
            name: try row["name"].decode(String?.self),
            email: try row["email"].decode(String?.self),
            department: try row["department"].decode(String?.self),
            role: try row["role"].decode(String?.self),
            isActive: try row["is_active"].decode(Bool.self),
            fromRoster: try row["from_roster"].decode(Bool.self),
            createdAt: stored(try row["created_at"].decode(Date.self)),
            updatedAt: stored(try row["updated_at"].decode(Date.self)))
    }

    func attempt(from row: PostgresRandomAccessRow) throws -> Attempt {
        let id = try row["id"].decode(UUID.self)
        let statusText = try row["status"].decode(String.self)
        guard let status = AttemptStatus(rawValue: statusText) else {
            throw StoreError.unavailable(
                "the record store \(location) holds a malformed status '\(statusText)' of attempt \(Self.text(id))")
        }
        return Attempt(
            id: id,
            learnerID: try row["learner_id"].decode(String.self),
            moduleID: try row["module_id"].decode(String.self),
            moduleVersion: try row["module_version"].decode(String.self),
            contentHash: try row["content_hash"].decode(String.self),
            seed: UInt64(bitPattern: try row["seed"].decode(Int64.self)),
            questionCount: try row["question_count"].decode(Int.self),
            startedAt: Self.stored(try row["started_at"].decode(Date.self)),
            finishedAt: try row["finished_at"].decode(Date?.self).map(Self.stored),
            status: status,
            points: try row["points"].decode(Double?.self),
            maxPoints: try row["max_points"].decode(Double?.self),
            scorePercent: try row["score_percent"].decode(Double?.self),
            osUser: try row["os_user"].decode(String.self),
            host: try row["host"].decode(String.self),
            voidReason: try row["void_reason"].decode(String?.self))
    }

    /// A response from columns named with `prefix` (for joins that also select attempt columns).
    static func response(from row: PostgresRandomAccessRow, prefix: String = "") throws -> Response {
        Response(
            attemptID: try row[prefix + "attempt_id"].decode(UUID.self),
            questionID: try row[prefix + "question_id"].decode(String.self),
            answer: try row[prefix + "answer"].decode(String.self),
            isCorrect: try row[prefix + "is_correct"].decode(Bool?.self),
            points: try row[prefix + "points"].decode(Double.self),
            maxPoints: try row[prefix + "max_points"].decode(Double.self),
            skipped: try row[prefix + "skipped"].decode(Bool.self),
            position: try row[prefix + "position"].decode(Int.self),
            answeredAt: stored(try row[prefix + "answered_at"].decode(Date.self)))
    }

    static func auditEvent(from row: PostgresRandomAccessRow) throws -> AuditEvent {
        let kindText = try row["kind"].decode(String.self)
        guard let kind = AuditEvent.Kind(rawValue: kindText) else {
            throw StoreError.unavailable("the record store holds an unknown audit event kind '\(kindText)'")
        }
        return AuditEvent(
            id: try row["id"].decode(UUID.self), kind: kind, learnerID: try row["learner_id"].decode(String.self),
            moduleID: try row["module_id"].decode(String.self), attemptID: try row["attempt_id"].decode(UUID?.self),
            reason: try row["reason"].decode(String.self), osUser: try row["os_user"].decode(String.self),
            at: stored(try row["at"].decode(Date.self)))
    }

    static func certificate(from row: PostgresRandomAccessRow) throws -> Certificate {
        Certificate(
            code: try row["code"].decode(String.self), attemptID: try row["attempt_id"].decode(UUID.self),
            issuedAt: stored(try row["issued_at"].decode(Date.self)))
    }

    static func module(from row: PostgresRandomAccessRow) throws -> ModuleSnapshot {
        ModuleSnapshot(
            moduleID: try row["module_id"].decode(String.self),
            version: try row["version"].decode(String.self),
            title: try row["title"].decode(String.self),
            contentHash: try row["content_hash"].decode(String.self),
            passMark: try row["pass_mark"].decode(Int.self),
            validForDays: try row["valid_for_days"].decode(Int?.self),
            maxAttempts: try row["max_attempts"].decode(Int?.self))
    }
}
