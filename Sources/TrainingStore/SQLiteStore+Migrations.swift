import Foundation
import GRDB

extension SQLiteStore {
    /// The schema's history. A shipped migration is never edited: add a new one ("v2-…") instead.
    ///
    /// Names are snake_case and types plain, so the PostgreSQL backend can mirror them
    /// (TEXT dates become TIMESTAMPTZ, INTEGER flags BOOLEAN, REAL DOUBLE PRECISION).
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-records") { db in
            try db.execute(
                sql: """
                    CREATE TABLE learners (
                        id TEXT NOT NULL PRIMARY KEY,
                        name TEXT,
                        email TEXT,
                        department TEXT,
                        role TEXT,
                        is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
                        from_roster INTEGER NOT NULL DEFAULT 0 CHECK (from_roster IN (0, 1)),
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL
                    );

                    CREATE TABLE module_versions (
                        module_id TEXT NOT NULL,
                        version TEXT NOT NULL,
                        title TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        pass_mark INTEGER NOT NULL,
                        valid_for_days INTEGER,
                        max_attempts INTEGER,
                        recorded_at TEXT NOT NULL,
                        PRIMARY KEY (module_id, version, content_hash)
                    );

                    CREATE TABLE attempts (
                        id TEXT NOT NULL PRIMARY KEY,
                        learner_id TEXT NOT NULL REFERENCES learners (id),
                        module_id TEXT NOT NULL,
                        module_version TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        seed INTEGER NOT NULL,
                        question_count INTEGER NOT NULL,
                        started_at TEXT NOT NULL,
                        finished_at TEXT,
                        status TEXT NOT NULL
                            CHECK (status IN ('in_progress', 'passed', 'failed', 'abandoned', 'void')),
                        points REAL,
                        max_points REAL,
                        score_percent REAL,
                        os_user TEXT NOT NULL DEFAULT '',
                        host TEXT NOT NULL DEFAULT '',
                        void_reason TEXT,
                        FOREIGN KEY (module_id, module_version, content_hash)
                            REFERENCES module_versions (module_id, version, content_hash)
                    );
                    CREATE UNIQUE INDEX attempts_one_in_progress
                        ON attempts (learner_id, module_id) WHERE status = 'in_progress';
                    CREATE INDEX attempts_by_learner ON attempts (learner_id, module_id, started_at);
                    CREATE INDEX attempts_by_module ON attempts (module_id, status);

                    CREATE TABLE responses (
                        attempt_id TEXT NOT NULL REFERENCES attempts (id),
                        question_id TEXT NOT NULL,
                        answer TEXT NOT NULL,
                        is_correct INTEGER CHECK (is_correct IN (0, 1)),
                        points REAL NOT NULL,
                        max_points REAL NOT NULL,
                        skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
                        position INTEGER NOT NULL,
                        answered_at TEXT NOT NULL,
                        PRIMARY KEY (attempt_id, question_id)
                    );
                    """)
        }
        migrator.registerMigration("v2-reports") { db in
            try db.execute(
                sql: """
                    CREATE TABLE audit_events (
                        id TEXT NOT NULL PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('attempt_granted', 'attempt_voided')),
                        learner_id TEXT NOT NULL,
                        module_id TEXT NOT NULL,
                        attempt_id TEXT REFERENCES attempts (id),
                        reason TEXT NOT NULL,
                        os_user TEXT NOT NULL DEFAULT '',
                        at TEXT NOT NULL
                    );
                    CREATE INDEX audit_events_by_learner ON audit_events (learner_id, module_id, at);

                    CREATE TABLE certificates (
                        code TEXT NOT NULL PRIMARY KEY,
                        attempt_id TEXT NOT NULL UNIQUE REFERENCES attempts (id),
                        issued_at TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3-lifecycle") { db in
            // SQLite cannot change a CHECK constraint: the table is recreated with its rows.
            try db.execute(
                sql: """
                    CREATE TABLE audit_events_v3 (
                        id TEXT NOT NULL PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('attempt_granted', 'attempt_voided', 'learner_erased')),
                        learner_id TEXT NOT NULL,
                        module_id TEXT NOT NULL,
                        attempt_id TEXT REFERENCES attempts (id),
                        reason TEXT NOT NULL,
                        os_user TEXT NOT NULL DEFAULT '',
                        at TEXT NOT NULL
                    );
                    INSERT INTO audit_events_v3 (id, kind, learner_id, module_id, attempt_id, reason, os_user, at)
                        SELECT id, kind, learner_id, module_id, attempt_id, reason, os_user, at FROM audit_events ORDER BY rowid;
                    DROP TABLE audit_events;
                    ALTER TABLE audit_events_v3 RENAME TO audit_events;
                    CREATE INDEX audit_events_by_learner ON audit_events (learner_id, module_id, at);
                    """)
        }
        return migrator
    }()

    /// How many times `migrate()` runs the migrator when other processes migrate at the same time.
    /// Each failed round means another process applied at least one migration.
    private static var migrationRounds: Int { migrator.migrations.count + 3 }

    /// Creates or upgrades the schema; refuses a schema from a newer cares.
    ///
    /// GRDB's migrator runs each migration in a `BEGIN IMMEDIATE` transaction together with its
    /// row in `grdb_migrations`, but decides which migrations to run before taking that lock. When
    /// two processes migrate a new file at once, the second one's migration fails ("table learners
    /// already exists") and rolls back; it then sees the migration applied and stops, or goes on
    /// with the rest.
    public func migrate() async throws {
        var lastError: (any Error)?
        for round in 0..<Self.migrationRounds {
            if round > 0 { try? await Task.sleep(nanoseconds: UInt64(round) * 20_000_000) }
            do {
                try await refuseNewerSchema()
                try await runMigrator()
                return
            } catch let error as StoreError {
                throw error
            } catch {
                // Also GRDB's read of grdb_migrations can fail while another process creates it.
                lastError = error
                if (try? await read({ db in try Self.migrator.hasCompletedMigrations(db) })) == true { return }
            }
        }
        if let lastError { throw Self.storeError(lastError, path: path) }
    }

    /// Throws `StoreError.schemaTooNew` when the database has migrations this build does not know.
    private func refuseNewerSchema() async throws {
        let applied = try await read { db in try Self.migrator.appliedIdentifiers(db) }
        let known = Set(Self.migrator.migrations)
        if !applied.isSubset(of: known) {
            throw StoreError.schemaTooNew(found: applied.count, supported: known.count)
        }
    }

    private func runMigrator() async throws {
        let queue = self.queue
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Self.migrator.asyncMigrate(queue) { result in
                switch result {
                case .success: continuation.resume()
                case .failure(let error): continuation.resume(throwing: error)
                }
            }
        }
    }
}
