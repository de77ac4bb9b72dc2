import Foundation
import PostgresNIO

extension PostgresStore {
    /// One step of the schema's history.
    struct Migration: Sendable {
        var version: Int
        var name: String
        var sql: String

        /// The statements of `sql`, one by one (the extended query protocol takes one at a time).
        var statements: [String] {
            sql.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
    }

    /// The schema's history, mirroring SQLite's. A shipped migration is never edited: add a new one.
    ///
    /// The same tables and columns as SQLite's "v1-records", with native types (TIMESTAMPTZ, BOOLEAN,
    /// DOUBLE PRECISION, UUID), and a `seq` identity column where SQLite orders by rowid.
    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "v1-records",
            sql: """
                CREATE TABLE learners (
                    id TEXT NOT NULL PRIMARY KEY,
                    name TEXT,
                    email TEXT,
                    department TEXT,
                    role TEXT,
                    is_active BOOLEAN NOT NULL DEFAULT TRUE,
                    from_roster BOOLEAN NOT NULL DEFAULT FALSE,
                    created_at TIMESTAMPTZ NOT NULL,
                    updated_at TIMESTAMPTZ NOT NULL
                );

                CREATE TABLE module_versions (
                    module_id TEXT NOT NULL,
                    version TEXT NOT NULL,
                    title TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    pass_mark INTEGER NOT NULL,
                    valid_for_days INTEGER,
                    max_attempts INTEGER,
                    recorded_at TIMESTAMPTZ NOT NULL,
                    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                    PRIMARY KEY (module_id, version, content_hash)
                );

                CREATE TABLE attempts (
                    id UUID NOT NULL PRIMARY KEY,
                    learner_id TEXT NOT NULL REFERENCES learners (id),
                    module_id TEXT NOT NULL,
                    module_version TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    seed BIGINT NOT NULL,
                    question_count INTEGER NOT NULL,
                    started_at TIMESTAMPTZ NOT NULL,
                    finished_at TIMESTAMPTZ,
                    status TEXT NOT NULL
                        CHECK (status IN ('in_progress', 'passed', 'failed', 'abandoned', 'void')),
                    points DOUBLE PRECISION,
                    max_points DOUBLE PRECISION,
                    score_percent DOUBLE PRECISION,
                    os_user TEXT NOT NULL DEFAULT '',
                    host TEXT NOT NULL DEFAULT '',
                    void_reason TEXT,
                    seq BIGINT GENERATED ALWAYS AS IDENTITY,
                    FOREIGN KEY (module_id, module_version, content_hash)
                        REFERENCES module_versions (module_id, version, content_hash)
                );
                CREATE UNIQUE INDEX attempts_one_in_progress
                    ON attempts (learner_id, module_id) WHERE status = 'in_progress';
                CREATE INDEX attempts_by_learner ON attempts (learner_id, module_id, started_at);
                CREATE INDEX attempts_by_module ON attempts (module_id, status);

                CREATE TABLE responses (
                    attempt_id UUID NOT NULL REFERENCES attempts (id),
                    question_id TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    is_correct BOOLEAN,
                    points DOUBLE PRECISION NOT NULL,
                    max_points DOUBLE PRECISION NOT NULL,
                    skipped BOOLEAN NOT NULL DEFAULT FALSE,
                    position INTEGER NOT NULL,
                    answered_at TIMESTAMPTZ NOT NULL,
                    seq BIGINT GENERATED ALWAYS AS IDENTITY,
                    PRIMARY KEY (attempt_id, question_id)
                );
                """),
        Migration(
            version: 2, name: "v2-reports",
            sql: """
                CREATE TABLE audit_events (
                    id UUID NOT NULL PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('attempt_granted', 'attempt_voided')),
                    learner_id TEXT NOT NULL,
                    module_id TEXT NOT NULL,
                    attempt_id UUID REFERENCES attempts (id),
                    reason TEXT NOT NULL,
                    os_user TEXT NOT NULL DEFAULT '',
                    at TIMESTAMPTZ NOT NULL,
                    seq BIGINT GENERATED ALWAYS AS IDENTITY
                );
                CREATE INDEX audit_events_by_learner ON audit_events (learner_id, module_id, at);

                CREATE TABLE certificates (
                    code TEXT NOT NULL PRIMARY KEY,
                    attempt_id UUID NOT NULL UNIQUE REFERENCES attempts (id),
                    issued_at TIMESTAMPTZ NOT NULL
                );
                """),
        Migration(
            version: 3, name: "v3-lifecycle",
            sql: """
                ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS audit_events_kind_check;
                ALTER TABLE audit_events ADD CONSTRAINT audit_events_kind_check
                    CHECK (kind IN ('attempt_granted', 'attempt_voided', 'learner_erased'));
                """),
    ]

    /// The schema version this build creates.
    public static var latestSchemaVersion: Int { migrations.last?.version ?? 0 }

    /// Creates or upgrades the schema; refuses a schema from a newer cares.
    ///
    /// When the schema is current nothing is written, so a role without CREATE can start. Otherwise
    /// every pending migration runs in one transaction that first takes a transaction-level advisory
    /// lock for this schema: a second terminal migrating at the same moment waits, then finds the
    /// migrations applied.
    public func migrate() async throws {
        let applied = try await withConnection { connection in
            try await Self.appliedVersions(on: connection, logger: self.logger)
        }
        try Self.refuseNewer(applied)
        if Set(Self.migrations.map(\.version)).isSubset(of: applied) { return }
        try await transaction { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtext('cares.migrate.' || current_schema()))", logger: self.logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER NOT NULL PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """, logger: self.logger)
            let applied = try await Self.appliedVersions(on: connection, logger: self.logger)
            try Self.refuseNewer(applied)
            for migration in Self.migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: self.logger)
            }
        }
    }

    public func schemaVersion() async throws -> Int {
        try await withConnection { connection in
            try await Self.appliedVersions(on: connection, logger: self.logger).count
        }
    }

    /// The versions recorded in `schema_migrations`; empty when the table does not exist yet.
    static func appliedVersions(on connection: PostgresConnection, logger: Logger) async throws -> Set<Int> {
        let exists = try await all(
            "SELECT to_regclass('schema_migrations') IS NOT NULL AS present", on: connection, logger: logger
        ) { row in try row["present"].decode(Bool.self) }
        guard exists.first == true else { return [] }
        let versions = try await all("SELECT version FROM schema_migrations", on: connection, logger: logger) { row in
            try row["version"].decode(Int.self)
        }
        return Set(versions)
    }

    /// Throws `StoreError.schemaTooNew` when the database has migrations this build does not know.
    private static func refuseNewer(_ applied: Set<Int>) throws {
        let known = Set(migrations.map(\.version))
        if !applied.isSubset(of: known) {
            throw StoreError.schemaTooNew(found: applied.count, supported: known.count)
        }
    }
}
