import Foundation
import GRDB
import Testing

@testable import TrainingStore

/// Stores made by earlier cares, with the migrations exactly as they shipped (`ShippedDDL`), open
/// and upgrade unchanged; and the schema written once for both backends is the one that shipped.
@Suite struct ShippedSchemaTests {
    static let postgres = Backend.all.contains(.postgres)

    /// Every table, index and trigger as SQLite keeps it, whitespace collapsed.
    private static func sqliteSchema(_ queue: DatabaseQueue) throws -> [String] {
        try queue.read { db in
            try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'grdb%' ORDER BY name")
        }.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    /// A SQLite store as cares with `version` migrations left it, with one learner, module and attempt.
    private static func oldSQLiteStore(at path: String, version: Int) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in ShippedDDL.all.prefix(version) {
                try db.execute(sql: migration.sqlite)
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.name])
            }
            try db.execute(
                sql: """
                    INSERT INTO learners (id, name, is_active, from_roster, created_at, updated_at)
                        VALUES ('rn-1', 'Ana', 1, 1, '2025-01-02 03:04:05.678', '2025-01-02 03:04:05.678');
                    INSERT INTO module_versions VALUES ('reporting', '1.0.0', 'Reporting', 'h1', 80, 365, 3, '2025-01-02 03:04:05.678');
                    INSERT INTO attempts (id, learner_id, module_id, module_version, content_hash, seed, question_count,
                        started_at, finished_at, status, points, max_points, score_percent)
                        VALUES ('9b2f6c1e-0000-4000-8000-000000000001', 'rn-1', 'reporting', '1.0.0', 'h1', -5, 2,
                        '2025-01-02 03:04:05.678', '2025-01-02 03:10:00.000', 'passed', 2, 2, 100);
                    INSERT INTO responses VALUES ('9b2f6c1e-0000-4000-8000-000000000001', 'q1', 'a', 1, 1, 1, 0, 1,
                        '2025-01-02 03:05:00.000');
                    """)
        }
        try queue.close()
    }

    @Test(arguments: 1...4)
    func aSQLiteStoreFromAnEarlierCaresOpensAndUpgrades(_ version: Int) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cares-shipped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        try Self.oldSQLiteStore(at: path, version: version)
        try await StoreLocation.sqlite(path: path).withStore { store in
            #expect(try await store.schemaVersion() == RecordStore.latestSchemaVersion)
            #expect(try await store.integrityProblems() == [])
            #expect(try await store.learner(id: "rn-1")?.fromRoster == true)
            let attempt = try #require(try await store.attempt(id: UUID(uuidString: "9b2f6c1e-0000-4000-8000-000000000001")!))
            #expect(attempt.status == .passed)
            #expect(attempt.seed == UInt64(bitPattern: -5))
            #expect(attempt.semanticVersion?.description == "1.0.0")
            #expect(try await store.responses(attemptID: attempt.id).map(\.isCorrect) == [true])
            try await store.eraseLearner(
                id: "rn-1", anonymousID: "erased-1",
                event: AuditEvent(kind: .learnerErased, learnerID: "erased-1", moduleID: "", reason: "Asked", osUser: "c"))
        }
    }

    @Test func theSQLiteSchemaIsTheOneThatShipped() async throws {
        let shipped = try DatabaseQueue()
        try await shipped.write { db in for migration in ShippedDDL.all { try db.execute(sql: migration.sqlite) } }
        let current = try SQLiteStore.inMemory()
        #expect(try Self.sqliteSchema(current.sqlite.queue) == Self.sqliteSchema(shipped))
        #expect(ShippedMigration.all.map(\.name) == ShippedDDL.all.map(\.name))
        // A file migrated by the store itself, not only the in-memory one.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cares-shipped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try SQLiteStore(path: folder.appendingPathComponent("new.sqlite").path)
        try await file.migrate()
        #expect(try Self.sqliteSchema(file.sqlite.queue) == Self.sqliteSchema(shipped))
    }

    // MARK: PostgreSQL

    /// Columns, indexes and constraints of the test schema, as rows of text.
    private static func postgresSchema(_ store: RecordStore) async throws -> [[SQLValue]] {
        let queries: [TrainingStore.SQL] = [
            """
            SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity
            FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, column_name
            """,
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname",
            """
            SELECT conrelid::regclass::text AS owner, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
            WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2
            """,
        ]
        return try await store.database.read { connection in
            var rows: [[SQLValue]] = []
            for query in queries { rows += try await connection.rows(query, []).map(\.values) }
            return rows.map { $0.map { value in
                // Index definitions name the (random) schema.
                guard case .text(let text) = value else { return value }
                return .text(text.replacingOccurrences(of: #"cares_test_\w+\."#, with: "", options: .regularExpression))
            } }
        }
    }

    @Test(.enabled(if: postgres), arguments: 1...4)
    func aPostgreSQLStoreFromAnEarlierCaresOpensAndUpgrades(_ version: Int) async throws {
        let server = try await PostgresTestServer.create()
        do {
            let old = try await server.store()
            try await old.execute(sql: "CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, "
                + "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            for migration in ShippedDDL.all.prefix(version) {
                try await old.execute(sql: migration.postgres)
                try await old.execute(
                    sql: "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), '\(migration.name)')")
            }
            try await old.execute(
                sql: "INSERT INTO learners (id, name, from_roster, created_at, updated_at) VALUES ('rn-1', 'Ana', TRUE, now(), now())")
            try await PostgresStore.withStore(server.location) { store in
                try await store.migrate()
                #expect(try await store.schemaVersion() == RecordStore.latestSchemaVersion)
                #expect(try await store.integrityProblems() == [])
                #expect(try await store.learner(id: "rn-1")?.fromRoster == true)
                try await store.eraseLearner(
                    id: "rn-1", anonymousID: "erased-1",
                    event: AuditEvent(kind: .learnerErased, learnerID: "erased-1", moduleID: "", reason: "Asked", osUser: "c"))
            }
        } catch {
            await server.tearDown()
            throw error
        }
        await server.tearDown()
    }

    @Test(.enabled(if: postgres))
    func thePostgreSQLSchemaIsTheOneThatShipped() async throws {
        let shippedServer = try await PostgresTestServer.create()
        let currentServer = try await PostgresTestServer.create()
        do {
            let shipped = try await shippedServer.store()
            for migration in ShippedDDL.all { try await shipped.execute(sql: migration.postgres) }
            let current = try await currentServer.store()
            try await current.migrate()
            let expected = try await Self.postgresSchema(shipped)
            let actual = try await Self.postgresSchema(current)
            // The current schema also has schema_migrations; the shipped text never created it.
            #expect(actual.filter { $0.first != .text("schema_migrations") && $0.first != .text("schema_migrations_pkey") } == expected)
            #expect(!expected.isEmpty)
        } catch {
            await shippedServer.tearDown()
            await currentServer.tearDown()
            throw error
        }
        await shippedServer.tearDown()
        await currentServer.tearDown()
    }
}
