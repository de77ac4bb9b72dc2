import Foundation
import GRDB

extension SQLiteStore {
    public func recordResponse(_ response: Response) async throws {
        try await write { db in
            try Self.requireInProgress(response.attemptID, in: db)
            let attemptID = Self.text(response.attemptID)
            let duplicate = StoreError.duplicateResponse(questionID: response.questionID)
            let answered = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM responses WHERE attempt_id = ? AND question_id = ?)",
                arguments: [attemptID, response.questionID])
            if answered == true { throw duplicate }
            do {
                try db.execute(
                    sql: "INSERT INTO responses (\(Self.responseColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        attemptID, response.questionID, response.answer, response.isCorrect, response.points,
                        response.maxPoints, response.skipped, response.position, StoredDate.text(response.answeredAt),
                    ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw duplicate
            }
        }
    }

    public func responses(attemptID: UUID) async throws -> [Response] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Self.responseColumns) FROM responses WHERE attempt_id = ? ORDER BY position, rowid",
                arguments: [Self.text(attemptID)]
            ).map { try self.response(from: $0) }
        }
    }
}
