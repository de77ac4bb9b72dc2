import Foundation
import GRDB

extension SQLiteStore {
    public func deactivateLearner(id: String, at: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE learners SET is_active = 0, updated_at = ? WHERE id = ?", arguments: [StoredDate.text(at), id])
            guard db.changesCount > 0 else { throw StoreError.learnerNotFound(id) }
        }
    }

    public func eraseLearner(id: String, anonymousID: String, event: AuditEvent) async throws {
        try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT department, role, created_at FROM learners WHERE id = ?", arguments: [id])
            else { throw StoreError.learnerNotFound(id) }
            let now = StoredDate.text(event.at)
            let department: String? = row["department"]
            let role: String? = row["role"]
            let created: String = row["created_at"]
            try db.execute(
                sql: """
                    INSERT INTO learners (id, name, email, department, role, is_active, from_roster, created_at, updated_at)
                    VALUES (?, NULL, NULL, ?, ?, 0, 0, ?, ?)
                    """,
                arguments: [anonymousID, department, role, created, now])
            try db.execute(
                sql: """
                    UPDATE responses SET answer = '' WHERE is_correct IS NULL
                        AND attempt_id IN (SELECT id FROM attempts WHERE learner_id = ?)
                    """,
                arguments: [id])
            try db.execute(sql: "UPDATE attempts SET learner_id = ?, os_user = '' WHERE learner_id = ?", arguments: [anonymousID, id])
            try db.execute(sql: "UPDATE audit_events SET learner_id = ? WHERE learner_id = ?", arguments: [anonymousID, id])
            try db.execute(sql: "DELETE FROM learners WHERE id = ?", arguments: [id])
            try Self.insert(event, in: db)
        }
    }
}
