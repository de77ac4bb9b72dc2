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

    func response(from row: Row) throws -> Response {
        let idText = try row.decode(String.self, forColumn: "attempt_id")
        guard let id = UUID(uuidString: idText) else { throw malformed("attempt id '\(idText)'") }
        return Response(
            attemptID: id,
            questionID: try row.decode(String.self, forColumn: "question_id"),
            answer: try row.decode(String.self, forColumn: "answer"),
            isCorrect: try row.decode(Bool?.self, forColumn: "is_correct"),
            points: try row.decode(Double.self, forColumn: "points"),
            maxPoints: try row.decode(Double.self, forColumn: "max_points"),
            skipped: try row.decode(Bool.self, forColumn: "skipped"),
            position: try row.decode(Int.self, forColumn: "position"),
            answeredAt: try date(row, "answered_at"))
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
