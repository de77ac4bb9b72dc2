import Foundation
import PostgresNIO

/// Reading everything and inserting whole records, for `cares db copy`.
extension PostgresStore {
    public func moduleSnapshotRecords() async throws -> [ModuleSnapshotRecord] {
        try await withConnection { connection in
            try await Self.all(
                "SELECT \(unescaped: Self.moduleColumns), recorded_at FROM module_versions ORDER BY seq",
                on: connection, logger: self.logger
            ) { row in
                ModuleSnapshotRecord(
                    snapshot: try Self.module(from: row), recordedAt: Self.stored(try row["recorded_at"].decode(Date.self)))
            }
        }
    }

    public func attemptPage(after: UUID?, limit: Int) async throws -> [Attempt] {
        try await withConnection { connection in
            let query: PostgresQuery
            if let after {
                query = """
                    SELECT \(unescaped: Self.attemptColumns) FROM attempts
                    WHERE id > \(after) ORDER BY id LIMIT \(max(0, limit))
                    """
            } else {
                query = "SELECT \(unescaped: Self.attemptColumns) FROM attempts ORDER BY id LIMIT \(max(0, limit))"
            }
            return try await Self.all(query, on: connection, logger: self.logger, self.attempt(from:))
        }
    }

    public func importLearner(_ learner: Learner) async throws -> Bool {
        try await transaction { connection in
            try await Self.count(
                """
                INSERT INTO learners (\(unescaped: Self.learnerColumns))
                VALUES (\(learner.id), \(learner.name), \(learner.email), \(learner.department), \(learner.role),
                    \(learner.isActive), \(learner.fromRoster), \(Self.stored(learner.createdAt)),
                    \(Self.stored(learner.updatedAt)))
                ON CONFLICT (id) DO NOTHING
                RETURNING id
                """, on: connection, logger: self.logger) > 0
        }
    }

    public func importModuleSnapshot(_ record: ModuleSnapshotRecord) async throws -> Bool {
        try await transaction { connection in
            try await Self.insertModuleIfAbsent(
                record.snapshot, at: record.recordedAt, on: connection, logger: self.logger)
        }
    }

    public func importAttempt(_ attempt: Attempt, responses: [Response]) async throws -> AttemptImport {
        try await transaction { connection in
            let existing = try await Self.all(
                "SELECT status FROM attempts WHERE id = \(attempt.id) FOR UPDATE", on: connection, logger: self.logger
            ) { row in try row["status"].decode(String.self) }.first
            var outcome = AttemptImport.Outcome.skipped
            if existing == nil {
                try await Self.insertAttempt(attempt, on: connection, logger: self.logger)
                outcome = .inserted
            }
            var inserted = 0
            for response in responses
            where try await Self.insertResponseIfAbsent(response, on: connection, logger: self.logger) {
                inserted += 1
            }
            if existing == AttemptStatus.inProgress.rawValue, attempt.status != .inProgress {
                let closed = try await Self.count(
                    """
                    UPDATE attempts SET status = \(attempt.status.rawValue), finished_at = \(attempt.finishedAt.map(Self.stored)),
                        points = \(attempt.points), max_points = \(attempt.maxPoints),
                        score_percent = \(attempt.scorePercent), void_reason = \(attempt.voidReason)
                    WHERE id = \(attempt.id) AND status = 'in_progress' RETURNING id
                    """, on: connection, logger: self.logger)
                if closed > 0 { outcome = .closed }
            }
            return AttemptImport(
                outcome: outcome, responsesInserted: inserted, responsesSkipped: responses.count - inserted)
        }
    }
}
