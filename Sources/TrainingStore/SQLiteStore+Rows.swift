import Foundation
import GRDB

/// Turning rows into records; a value that cannot be read back throws instead of crashing.
extension SQLiteStore {
    static let learnerColumns =
        "id, name, email, department, role, is_active, from_roster, created_at, updated_at"
    static let attemptColumns = """
        id, learner_id, module_id, module_version, content_hash, seed, question_count, started_at, \
        finished_at, status, points, max_points, score_percent, os_user, host, void_reason
        """
    static let responseColumns =
        "attempt_id, question_id, answer, is_correct, points, max_points, skipped, position, answered_at"
    static let moduleColumns = "module_id, version, title, content_hash, pass_mark, valid_for_days, max_attempts"

    /// The stored form of an attempt id: lowercase UUID text.
    static func text(_ id: UUID) -> String { id.uuidString.lowercased() }

    func learner(from row: Row) throws -> Learner {
        Learner(
            id: try row.decode(String.self, forColumn: "id"),
            name: try row.decode(String?.self, forColumn: "name"),
            email: try row.decode(String?.self, forColumn: "email"),
            department: try row.decode(String?.self, forColumn: "department"),
            role: try row.decode(String?.self, forColumn: "role"),
            isActive: try row.decode(Bool.self, forColumn: "is_active"),
            fromRoster: try row.decode(Bool.self, forColumn: "from_roster"),
            createdAt: try date(row, "created_at"),
            updatedAt: try date(row, "updated_at"))
    }

    func attempt(from row: Row) throws -> Attempt {
        let idText = try row.decode(String.self, forColumn: "id")
        guard let id = UUID(uuidString: idText) else { throw malformed("attempt id '\(idText)'") }
        let statusText = try row.decode(String.self, forColumn: "status")
        guard let status = AttemptStatus(rawValue: statusText) else {
            throw malformed("status '\(statusText)' of attempt \(idText)")
        }
        return Attempt(
            id: id,
            learnerID: try row.decode(String.self, forColumn: "learner_id"),
            moduleID: try row.decode(String.self, forColumn: "module_id"),
            moduleVersion: try row.decode(String.self, forColumn: "module_version"),
            contentHash: try row.decode(String.self, forColumn: "content_hash"),
            seed: UInt64(bitPattern: try row.decode(Int64.self, forColumn: "seed")),
            questionCount: try row.decode(Int.self, forColumn: "question_count"),
            startedAt: try date(row, "started_at"),
            finishedAt: try optionalDate(row, "finished_at"),
            status: status,
            points: try row.decode(Double?.self, forColumn: "points"),
            maxPoints: try row.decode(Double?.self, forColumn: "max_points"),
            scorePercent: try row.decode(Double?.self, forColumn: "score_percent"),
            osUser: try row.decode(String.self, forColumn: "os_user"),
            host: try row.decode(String.self, forColumn: "host"),
            voidReason: try row.decode(String?.self, forColumn: "void_reason"))
    }

    /// A response from columns named with `prefix` (a join renames them).
    func response(from row: Row, prefix: String = "") throws -> Response {
        let idText = try row.decode(String.self, forColumn: prefix + "attempt_id")
        guard let id = UUID(uuidString: idText) else { throw malformed("attempt id '\(idText)'") }
        return Response(
            attemptID: id,
            questionID: try row.decode(String.self, forColumn: prefix + "question_id"),
            answer: try row.decode(String.self, forColumn: prefix + "answer"),
            isCorrect: try row.decode(Bool?.self, forColumn: prefix + "is_correct"),
            points: try row.decode(Double.self, forColumn: prefix + "points"),
            maxPoints: try row.decode(Double.self, forColumn: prefix + "max_points"),
            skipped: try row.decode(Bool.self, forColumn: prefix + "skipped"),
            position: try row.decode(Int.self, forColumn: prefix + "position"),
            answeredAt: try date(row, prefix + "answered_at"))
    }

    func auditEvent(from row: Row) throws -> AuditEvent {
        let idText = try row.decode(String.self, forColumn: "id")
        let kindText = try row.decode(String.self, forColumn: "kind")
        guard let id = UUID(uuidString: idText), let kind = AuditEvent.Kind(rawValue: kindText) else {
            throw malformed("audit event '\(idText)' of kind '\(kindText)'")
        }
        var attemptID: UUID?
        if let text = try row.decode(String?.self, forColumn: "attempt_id") {
            guard let parsed = UUID(uuidString: text) else { throw malformed("attempt id '\(text)'") }
            attemptID = parsed
        }
        return AuditEvent(
            id: id, kind: kind,
            learnerID: try row.decode(String.self, forColumn: "learner_id"),
            moduleID: try row.decode(String.self, forColumn: "module_id"),
            attemptID: attemptID,
            reason: try row.decode(String.self, forColumn: "reason"),
            osUser: try row.decode(String.self, forColumn: "os_user"),
            at: try date(row, "at"))
    }

    func certificate(from row: Row) throws -> Certificate {
        let idText = try row.decode(String.self, forColumn: "attempt_id")
        guard let id = UUID(uuidString: idText) else { throw malformed("attempt id '\(idText)'") }
        return Certificate(
            code: try row.decode(String.self, forColumn: "code"), attemptID: id, issuedAt: try date(row, "issued_at"))
    }

    func module(from row: Row) throws -> ModuleSnapshot {
        ModuleSnapshot(
            moduleID: try row.decode(String.self, forColumn: "module_id"),
            version: try row.decode(String.self, forColumn: "version"),
            title: try row.decode(String.self, forColumn: "title"),
            contentHash: try row.decode(String.self, forColumn: "content_hash"),
            passMark: try row.decode(Int.self, forColumn: "pass_mark"),
            validForDays: try row.decode(Int?.self, forColumn: "valid_for_days"),
            maxAttempts: try row.decode(Int?.self, forColumn: "max_attempts"))
    }

    private func date(_ row: Row, _ column: String) throws -> Date {
        let text = try row.decode(String.self, forColumn: column)
        guard let date = StoredDate.date(text) else { throw malformed("date '\(text)' in \(column)") }
        return date
    }

    private func optionalDate(_ row: Row, _ column: String) throws -> Date? {
        guard let text = try row.decode(String?.self, forColumn: column) else { return nil }
        guard let date = StoredDate.date(text) else { throw malformed("date '\(text)' in \(column)") }
        return date
    }
}
