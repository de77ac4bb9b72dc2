/// Applies `ShippedMigration.all` on either backend, recording each in the backend's own ledger:
/// GRDB's `grdb_migrations` (by name) in SQLite, as earlier cares did, and `schema_migrations`
/// (by version) in PostgreSQL.
struct Migrator: Sendable {
    let dialect: SQLDialect

    static let sqliteLedger: SQL = "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"
    static let sqliteRecord: SQL = "INSERT INTO grdb_migrations (identifier) VALUES (?)"

    /// How the ledger records a migration.
    func id(_ migration: ShippedMigration) -> String {
        dialect == .sqlite ? migration.name : String(migration.version)
    }

    /// The ids of the migrations applied, including any this build does not know; empty before the first.
    func applied(_ connection: any SQLConnection) async throws -> Set<String> {
        let exists: SQL =
            dialect == .sqlite
            ? "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations') AS present"
            : "SELECT to_regclass('schema_migrations') IS NOT NULL AS present"
        let present: Bool? = try await connection.value(exists, [], column: "present")
        guard present == true else { return [] }
        let ids: SQL =
            dialect == .sqlite
            ? "SELECT identifier AS id FROM grdb_migrations" : "SELECT CAST(version AS TEXT) AS id FROM schema_migrations"
        return Set(try await connection.rows(ids, []).map { row -> String in try row["id"] })
    }

    /// Creates or upgrades the schema; refuses a schema from a newer cares.
    ///
    /// When the schema is current nothing is written, so a role without CREATE can start. Otherwise
    /// every pending migration runs in one write transaction, which another terminal migrating at the
    /// same moment waits for (SQLite's write lock; a transaction-level advisory lock for this schema
    /// in PostgreSQL), then finds the migrations applied.
    func migrate(_ database: any SQLDatabase) async throws {
        let known = Set(ShippedMigration.all.map(id))
        let refuseNewer = { (applied: Set<String>) in
            if !applied.isSubset(of: known) { throw StoreError.schemaTooNew(found: applied.count, supported: known.count) }
        }
        let applied = try await database.read { try await self.applied($0) }
        try refuseNewer(applied)
        if known.isSubset(of: applied) { return }
        try await database.write { connection in
            if dialect == .sqlite {
                try await connection.execute(Self.sqliteLedger, [])
            } else {
                try await connection.execute("SELECT pg_advisory_xact_lock(hashtext('cares.migrate.' || current_schema()))", [])
                try await connection.execute(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version INTEGER NOT NULL PRIMARY KEY,
                        name TEXT NOT NULL,
                        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """, [])
            }
            let applied = try await self.applied(connection)
            try refuseNewer(applied)
            for migration in ShippedMigration.all where !applied.contains(id(migration)) {
                let sql = dialect == .sqlite ? migration.sqlite : migration.postgres
                for statement in ShippedMigration.statements(sql) { try await connection.execute(SQL(statement), []) }
                if dialect == .sqlite {
                    try await connection.execute(Self.sqliteRecord, [migration.name])
                } else {
                    try await connection.execute(
                        "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [migration.version, migration.name])
                }
            }
        }
    }

    func schemaVersion(_ database: any SQLDatabase) async throws -> Int {
        try await database.read { try await self.applied($0).count }
    }
}
