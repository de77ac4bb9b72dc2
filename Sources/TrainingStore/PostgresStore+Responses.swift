import Foundation
import PostgresNIO

extension PostgresStore {
    public func recordResponse(_ response: Response) async throws {
        try await transaction { connection in
            // The share lock keeps the attempt from being closed until this answer is committed.
            try await Self.requireInProgress(response.attemptID, on: connection, logger: self.logger, lock: true)
            let inserted = try await Self.insertResponseIfAbsent(response, on: connection, logger: self.logger)
            if !inserted { throw StoreError.duplicateResponse(questionID: response.questionID) }
        }
    }

    public func responses(attemptID: UUID) async throws -> [Response] {
        try await withConnection { connection in
            try await Self.all(
                """
                SELECT \(unescaped: Self.responseColumns) FROM responses
                WHERE attempt_id = \(attemptID) ORDER BY position, seq
                """, on: connection, logger: self.logger, { try Self.response(from: $0) })
        }
    }

    /// Inserts the response unless its question was answered in the attempt; returns whether it was inserted.
    ///
    /// The primary key decides, so two terminals answering the same question at once record one answer.
    static func insertResponseIfAbsent(
        _ response: Response, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        try await count(
            """
            INSERT INTO responses (\(unescaped: responseColumns))
            VALUES (\(response.attemptID), \(response.questionID), \(response.answer), \(response.isCorrect),
                \(response.points), \(response.maxPoints), \(response.skipped), \(response.position),
                \(stored(response.answeredAt)))
            ON CONFLICT (attempt_id, question_id) DO NOTHING
            RETURNING attempt_id
            """, on: connection, logger: logger) > 0
    }
}
