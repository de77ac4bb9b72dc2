import Foundation
import GRDB

extension SQLiteStore {
    public func startAttempt(_ attempt: Attempt, module: ModuleSnapshot) async throws {
        try await write { db in
            // A learner met for the first time (no roster) is recorded with the id alone.
            let startedAt = StoredDate.text(attempt.startedAt)
            try db.execute(
                sql: """
                    INSERT INTO learners (id, is_active, from_roster, created_at, updated_at) VALUES (?, 1, 0, ?, ?)
                    ON CONFLICT (id) DO NOTHING
                    """,
                arguments: [attempt.learnerID, startedAt, startedAt])
            try Self.insertModuleIfAbsent(module, at: attempt.startedAt, in: db)
            let refused = StoreError.attemptInProgress(learnerID: attempt.learnerID, moduleID: attempt.moduleID)
            if attempt.status == .inProgress {
                let busy = try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM attempts
                        WHERE learner_id = ? AND module_id = ? AND status = 'in_progress')
                        """,
                    arguments: [attempt.learnerID, attempt.moduleID])
                if busy == true { throw refused }
            }
            try Self.insertAttempt(attempt, in: db)
        }
    }

    /// Inserts the attempt row as given; throws `attemptInProgress` when the partial unique index refuses it.
    static func insertAttempt(_ attempt: Attempt, in db: Database) throws {
        do {
            try db.execute(
                sql: """
                    INSERT INTO attempts (\(attemptColumns))
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    text(attempt.id), attempt.learnerID, attempt.moduleID, attempt.moduleVersion,
                    attempt.contentHash, Int64(bitPattern: attempt.seed), attempt.questionCount,
                    StoredDate.text(attempt.startedAt), attempt.finishedAt.map(StoredDate.text),
                    attempt.status.rawValue, attempt.points, attempt.maxPoints, attempt.scorePercent, attempt.osUser,
                    attempt.host, attempt.voidReason,
                ])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // The partial unique index, if another connection got in between (it cannot while
            // the IMMEDIATE transaction holds the write lock, but the index is the last word).
            throw StoreError.attemptInProgress(learnerID: attempt.learnerID, moduleID: attempt.moduleID)
        }
    }

    public func attempt(id: UUID) async throws -> Attempt? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.attemptColumns) FROM attempts WHERE id = ?", arguments: [Self.text(id)]
            ).map(self.attempt(from:))
        }
    }

    public func attempts(learnerID: String, moduleID: String?) async throws -> [Attempt] {
        try await read { db in
            if let moduleID {
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(Self.attemptColumns) FROM attempts WHERE learner_id = ? AND module_id = ?
                        ORDER BY started_at, rowid
                        """,
                    arguments: [learnerID, moduleID]
                ).map(self.attempt(from:))
            }
            return try Row.fetchAll(
                db,
                sql: "SELECT \(Self.attemptColumns) FROM attempts WHERE learner_id = ? ORDER BY started_at, rowid",
                arguments: [learnerID]
            ).map(self.attempt(from:))
        }
    }

    public func inProgressAttempts(learnerID: String) async throws -> [Attempt] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.attemptColumns) FROM attempts WHERE learner_id = ? AND status = 'in_progress'
                    ORDER BY started_at, rowid
                    """,
                arguments: [learnerID]
            ).map(self.attempt(from:))
        }
    }

    public func finishAttempt(
        id: UUID, status: AttemptStatus, points: Double, maxPoints: Double, scorePercent: Double, at: Date
    ) async throws {
        guard status != .inProgress else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE, message: "finishAttempt needs a final status, not in_progress")
        }
        try await closeAttempt(
            id: id,
            sql: """
                UPDATE attempts SET status = ?, points = ?, max_points = ?, score_percent = ?, finished_at = ?
                WHERE id = ? AND status = 'in_progress'
                """,
            arguments: [status.rawValue, points, maxPoints, scorePercent, StoredDate.text(at), Self.text(id)])
    }

    public func abandonAttempt(id: UUID, at: Date) async throws {
        try await closeAttempt(
            id: id,
            sql: "UPDATE attempts SET status = 'abandoned', finished_at = ? WHERE id = ? AND status = 'in_progress'",
            arguments: [StoredDate.text(at), Self.text(id)])
    }

    /// Runs an update limited to an attempt in progress; tells a missing attempt from a closed one.
    private func closeAttempt(id: UUID, sql: String, arguments: StatementArguments) async throws {
        try await write { db in
            try db.execute(sql: sql, arguments: arguments)
            guard db.changesCount == 0 else { return }
            try Self.requireInProgress(id, in: db)
        }
    }

    /// Throws `attemptNotFound` or `attemptNotInProgress` unless the attempt is in progress.
    static func requireInProgress(_ id: UUID, in db: Database) throws {
        let idText = text(id)
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM attempts WHERE id = ?", arguments: [idText])
        else { throw StoreError.attemptNotFound(idText) }
        guard status == AttemptStatus.inProgress.rawValue else { throw StoreError.attemptNotInProgress(idText) }
    }
}
