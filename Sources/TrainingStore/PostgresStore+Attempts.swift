import Foundation
import PostgresNIO

extension PostgresStore {
    public func startAttempt(_ attempt: Attempt, module: ModuleSnapshot) async throws {
        try await transaction { connection in
            // A learner met for the first time (no roster) is recorded with the id alone.
            let startedAt = Self.stored(attempt.startedAt)
            try await connection.query(
                """
                INSERT INTO learners (id, is_active, from_roster, created_at, updated_at)
                VALUES (\(attempt.learnerID), TRUE, FALSE, \(startedAt), \(startedAt))
                ON CONFLICT (id) DO NOTHING
                """, logger: self.logger)
            try await Self.insertModuleIfAbsent(module, at: startedAt, on: connection, logger: self.logger)
            try await Self.insertAttempt(attempt, on: connection, logger: self.logger)
        }
    }

    public func attempt(id: UUID) async throws -> Attempt? {
        try await withConnection { connection in
            try await Self.all(
                "SELECT \(unescaped: Self.attemptColumns) FROM attempts WHERE id = \(id)", on: connection,
                logger: self.logger, self.attempt(from:)
            ).first
        }
    }

    public func attempts(learnerID: String, moduleID: String?) async throws -> [Attempt] {
        try await withConnection { connection in
            let query: PostgresQuery
            if let moduleID {
                query = """
                    SELECT \(unescaped: Self.attemptColumns) FROM attempts
                    WHERE learner_id = \(learnerID) AND module_id = \(moduleID) ORDER BY started_at, seq
                    """
            } else {
                query = """
                    SELECT \(unescaped: Self.attemptColumns) FROM attempts
                    WHERE learner_id = \(learnerID) ORDER BY started_at, seq
                    """
            }
            return try await Self.all(query, on: connection, logger: self.logger, self.attempt(from:))
        }
    }

    public func inProgressAttempts(learnerID: String) async throws -> [Attempt] {
        try await withConnection { connection in
            try await Self.all(
                """
                SELECT \(unescaped: Self.attemptColumns) FROM attempts
                WHERE learner_id = \(learnerID) AND status = 'in_progress' ORDER BY started_at, seq
                """, on: connection, logger: self.logger, self.attempt(from:))
        }
    }

    public func finishAttempt(
        id: UUID, status: AttemptStatus, points: Double, maxPoints: Double, scorePercent: Double, at: Date
    ) async throws {
        guard status != .inProgress else {
            throw StoreError.unavailable("finishAttempt needs a final status, not in_progress")
        }
        try await closeAttempt(
            id: id,
            """
            UPDATE attempts SET status = \(status.rawValue), points = \(points), max_points = \(maxPoints),
                score_percent = \(scorePercent), finished_at = \(Self.stored(at))
            WHERE id = \(id) AND status = 'in_progress' RETURNING id
            """)
    }

    public func abandonAttempt(id: UUID, at: Date) async throws {
        try await closeAttempt(
            id: id,
            """
            UPDATE attempts SET status = 'abandoned', finished_at = \(Self.stored(at))
            WHERE id = \(id) AND status = 'in_progress' RETURNING id
            """)
    }

    /// Runs an update limited to an attempt in progress; tells a missing attempt from a closed one.
    private func closeAttempt(id: UUID, _ update: PostgresQuery) async throws {
        try await transaction { connection in
            guard try await Self.count(update, on: connection, logger: self.logger) == 0 else { return }
            try await Self.requireInProgress(id, on: connection, logger: self.logger, lock: false)
        }
    }

    /// Throws `attemptNotFound` or `attemptNotInProgress` unless the attempt is in progress.
    ///
    /// With `lock`, holds a share lock on the attempt until the transaction ends, so it cannot be
    /// closed in between.
    static func requireInProgress(
        _ id: UUID, on connection: PostgresConnection, logger: Logger, lock: Bool
    ) async throws {
        let query: PostgresQuery =
            lock
            ? "SELECT status FROM attempts WHERE id = \(id) FOR SHARE"
            : "SELECT status FROM attempts WHERE id = \(id)"
        let status = try await all(query, on: connection, logger: logger) { row in try row["status"].decode(String.self) }
        guard let status = status.first else { throw StoreError.attemptNotFound(text(id)) }
        guard status == AttemptStatus.inProgress.rawValue else { throw StoreError.attemptNotInProgress(text(id)) }
    }

    /// Inserts the attempt row as given; throws `attemptInProgress` when the learner has one in progress at the module.
    ///
    /// The partial unique index decides, so two terminals starting at once cannot both succeed. The
    /// insert runs in a savepoint-free `ON CONFLICT DO NOTHING`, so the refusal leaves the transaction usable.
    static func insertAttempt(_ attempt: Attempt, on connection: PostgresConnection, logger: Logger) async throws {
        let inserted = try await count(
            """
            INSERT INTO attempts (\(unescaped: attemptColumns))
            VALUES (\(attempt.id), \(attempt.learnerID), \(attempt.moduleID), \(attempt.moduleVersion),
                \(attempt.contentHash), \(Int64(bitPattern: attempt.seed)), \(attempt.questionCount),
                \(stored(attempt.startedAt)), \(attempt.finishedAt.map(stored)), \(attempt.status.rawValue),
                \(attempt.points), \(attempt.maxPoints), \(attempt.scorePercent), \(attempt.osUser), \(attempt.host),
                \(attempt.voidReason))
            ON CONFLICT (learner_id, module_id) WHERE status = 'in_progress' DO NOTHING
            RETURNING id
            """, on: connection, logger: logger)
        if inserted == 0 {
            throw StoreError.attemptInProgress(learnerID: attempt.learnerID, moduleID: attempt.moduleID)
        }
    }
}
