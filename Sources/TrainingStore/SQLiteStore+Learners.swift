import Foundation
import GRDB

extension SQLiteStore {
    public func learner(id: String) async throws -> Learner? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.learnerColumns) FROM learners WHERE id = ?", arguments: [id])
                .map(self.learner(from:))
        }
    }

    public func saveLearner(_ learner: Learner) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO learners (\(Self.learnerColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET
                        name = excluded.name, email = excluded.email, department = excluded.department,
                        role = excluded.role, is_active = excluded.is_active, from_roster = excluded.from_roster,
                        updated_at = excluded.updated_at
                    """,
                arguments: [
                    learner.id, learner.name, learner.email, learner.department, learner.role,
                    learner.isActive, learner.fromRoster,
                    StoredDate.text(learner.createdAt), StoredDate.text(learner.updatedAt),
                ])
        }
    }

    public func learners() async throws -> [Learner] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.learnerColumns) FROM learners ORDER BY id")
                .map(self.learner(from:))
        }
    }

    public func hasRoster() async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM learners WHERE from_roster = 1)") ?? false
        }
    }
}
