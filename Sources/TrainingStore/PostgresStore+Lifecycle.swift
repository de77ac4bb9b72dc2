import Foundation
import PostgresNIO

extension PostgresStore {
    public func deactivateLearner(id: String, at: Date) async throws {
        try await transaction { connection in
            let found = try await Self.all(
                "UPDATE learners SET is_active = FALSE, updated_at = \(Self.stored(at)) WHERE id = \(id) RETURNING id",
                on: connection, logger: self.logger
            ) { row in try row["id"].decode(String.self) }
            guard !found.isEmpty else { throw StoreError.learnerNotFound(id) }
        }
    }

    public func eraseLearner(id: String, anonymousID: String, event: AuditEvent) async throws {
        try await transaction { connection in
            let found = try await Self.all(
                """
                INSERT INTO learners (id, name, email, department, role, is_active, from_roster, created_at, updated_at)
                SELECT \(anonymousID), NULL, NULL, department, role, FALSE, FALSE, created_at, \(Self.stored(event.at))
                FROM learners WHERE id = \(id)
                RETURNING id
                """, on: connection, logger: self.logger
            ) { row in try row["id"].decode(String.self) }
            guard !found.isEmpty else { throw StoreError.learnerNotFound(id) }
            try await connection.query(
                """
                UPDATE responses SET answer = '' WHERE is_correct IS NULL
                    AND attempt_id IN (SELECT id FROM attempts WHERE learner_id = \(id))
                """, logger: self.logger)
            try await connection.query(
                "UPDATE attempts SET learner_id = \(anonymousID), os_user = '' WHERE learner_id = \(id)", logger: self.logger)
            try await connection.query(
                "UPDATE audit_events SET learner_id = \(anonymousID) WHERE learner_id = \(id)", logger: self.logger)
            try await connection.query("DELETE FROM learners WHERE id = \(id)", logger: self.logger)
            try await Self.insert(event, on: connection, logger: self.logger)
        }
    }
}
