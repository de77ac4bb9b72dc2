import Foundation
import PostgresNIO

extension PostgresStore {
    public func learner(id: String) async throws -> Learner? {
        try await withConnection { connection in
            try await Self.all(
                "SELECT \(unescaped: Self.learnerColumns) FROM learners WHERE id = \(id)", on: connection,
                logger: self.logger, Self.learner(from:)
            ).first
        }
    }

    public func saveLearner(_ learner: Learner) async throws {
        try await transaction { connection in
            try await connection.query(
                """
                INSERT INTO learners (\(unescaped: Self.learnerColumns))
                VALUES (\(learner.id), \(learner.name), \(learner.email), \(learner.department), \(learner.role),
                    \(learner.isActive), \(learner.fromRoster), \(Self.stored(learner.createdAt)),
                    \(Self.stored(learner.updatedAt)))
                ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, email = excluded.email, department = excluded.department,
                    role = excluded.role, is_active = excluded.is_active, from_roster = excluded.from_roster,
                    updated_at = excluded.updated_at
                """, logger: self.logger)
        }
    }

    public func learners() async throws -> [Learner] {
        try await withConnection { connection in
            try await Self.all(
                "SELECT \(unescaped: Self.learnerColumns) FROM learners ORDER BY id COLLATE \"C\"", on: connection,
                logger: self.logger, Self.learner(from:))
        }
    }

    public func hasRoster() async throws -> Bool {
        try await withConnection { connection in
            try await Self.all(
                "SELECT EXISTS (SELECT 1 FROM learners WHERE from_roster) AS roster", on: connection,
                logger: self.logger
            ) { row in try row["roster"].decode(Bool.self) }.first ?? false
        }
    }
}
