import Foundation
import GRDB

/// Reading everything and inserting whole records, for `cares db copy`.
extension SQLiteStore {
    /// Nothing to release: the connection closes with the store.
    public func close() async {}

    public func moduleSnapshotRecords() async throws -> [ModuleSnapshotRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.moduleColumns), recorded_at FROM module_versions ORDER BY rowid"
            ).map { row in
                let text = try row.decode(String.self, forColumn: "recorded_at")
                guard let recordedAt = StoredDate.date(text) else { throw self.malformed("date '\(text)' in recorded_at") }
                return ModuleSnapshotRecord(snapshot: try self.module(from: row), recordedAt: recordedAt)
            }
        }
    }

    public func attemptPage(after: UUID?, limit: Int) async throws -> [Attempt] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.attemptColumns) FROM attempts WHERE id > ? ORDER BY id LIMIT ?",
                arguments: [after.map(Self.text) ?? "", max(0, limit)]
            ).map(self.attempt(from:))
        }
    }

    public func importLearner(_ learner: Learner) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO learners (\(Self.learnerColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING
                    """,
                arguments: [
                    learner.id, learner.name, learner.email, learner.department, learner.role,
                    learner.isActive, learner.fromRoster,
                    StoredDate.text(learner.createdAt), StoredDate.text(learner.updatedAt),
                ])
            return db.changesCount > 0
        }
    }

    public func importModuleSnapshot(_ record: ModuleSnapshotRecord) async throws -> Bool {
        try await write { db in
            try Self.insertModuleIfAbsent(record.snapshot, at: record.recordedAt, in: db)
            return db.changesCount > 0
        }
    }

    public func importAttempt(_ attempt: Attempt, responses: [Response]) async throws -> AttemptImport {
        try await write { db in
            let idText = Self.text(attempt.id)
            let existing = try String.fetchOne(db, sql: "SELECT status FROM attempts WHERE id = ?", arguments: [idText])
            var outcome = AttemptImport.Outcome.skipped
            if existing == nil {
                if attempt.status == .inProgress {
                    let busy = try Bool.fetchOne(
                        db,
                        sql: """
                            SELECT EXISTS (SELECT 1 FROM attempts
                            WHERE learner_id = ? AND module_id = ? AND status = 'in_progress')
                            """,
                        arguments: [attempt.learnerID, attempt.moduleID])
                    if busy == true {
                        throw StoreError.attemptInProgress(learnerID: attempt.learnerID, moduleID: attempt.moduleID)
                    }
                }
                try Self.insertAttempt(attempt, in: db)
                outcome = .inserted
            }
            var inserted = 0
            for response in responses {
                try db.execute(
                    sql: """
                        INSERT INTO responses (\(Self.responseColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (attempt_id, question_id) DO NOTHING
                        """,
                    arguments: [
                        Self.text(response.attemptID), response.questionID, response.answer, response.isCorrect,
                        response.points, response.maxPoints, response.skipped, response.position,
                        StoredDate.text(response.answeredAt),
                    ])
                inserted += db.changesCount
            }
            if existing == AttemptStatus.inProgress.rawValue, attempt.status != .inProgress {
                try db.execute(
                    sql: """
                        UPDATE attempts SET status = ?, finished_at = ?, points = ?, max_points = ?, score_percent = ?,
                            void_reason = ?
                        WHERE id = ? AND status = 'in_progress'
                        """,
                    arguments: [
                        attempt.status.rawValue, attempt.finishedAt.map(StoredDate.text), attempt.points,
                        attempt.maxPoints, attempt.scorePercent, attempt.voidReason, idText,
                    ])
                if db.changesCount > 0 { outcome = .closed }
            }
            return AttemptImport(
                outcome: outcome, responsesInserted: inserted, responsesSkipped: responses.count - inserted)
        }
    }
}
