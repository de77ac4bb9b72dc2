import Foundation
import GRDB
import XCTest

@testable import TrainingStore

/// What only the SQLite backend promises: files, permissions, WAL, migrations, concurrent use.
final class SQLiteStoreTests: XCTestCase {
    private var folder = URL(fileURLWithPath: "/nonexistent")

    override func setUp() async throws {
        try await super.setUp()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cares-sqlite-\(UUID().uuidString)")
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: folder)
        try await super.tearDown()
    }

    private func path(_ relative: String = "records.sqlite") -> String {
        folder.appendingPathComponent(relative).path
    }

    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
    }

    /// A migrated store at `path`.
    private static func open(_ path: String) async throws -> SQLiteStore {
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        return store
    }

    // MARK: Files

    func testNewFileIsOwnerOnlyInANewOwnerOnlyFolder() async throws {
        let file = path("records/cares/records.sqlite")
        let store = try await Self.open(file)
        try await store.saveLearner(Learner(id: "rn-1"))

        XCTAssertEqual(try permissions(file), 0o600)
        XCTAssertEqual(try permissions(path("records/cares")), 0o700)
        XCTAssertEqual(try permissions(path("records")), 0o700)
        XCTAssertEqual(try permissions(file + "-wal"), 0o600, "SQLite copies the database file's mode")
    }

    func testAnExistingFolderIsLeftAsItIs() async throws {
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        _ = try await Self.open(path())
        XCTAssertEqual(try permissions(folder.path), 0o750)
        XCTAssertEqual(try permissions(path()), 0o600)
    }

    func testWALModeFullSyncAndForeignKeys() async throws {
        let store = try await Self.open(path())
        let journal = try await store.pragma("journal_mode")
        XCTAssertEqual(journal, "wal")
        let synchronous = try await store.pragma("synchronous")
        XCTAssertEqual(synchronous, "2", "2 is FULL")
        let foreignKeys = try await store.pragma("foreign_keys")
        XCTAssertEqual(foreignKeys, "1")
    }

    func testReopeningKeepsTheRecords() async throws {
        let attempt = Fixture.attempt()
        do {
            let store = try await Self.open(path())
            try await store.startAttempt(attempt, module: Fixture.module())
            try await store.recordResponse(Fixture.response(attempt.id, "q1", answer: "a", position: 1))
        }
        let reopened = try await Self.open(path())
        let stored = try await reopened.attempt(id: attempt.id)
        XCTAssertEqual(stored, attempt)
        let responses = try await reopened.responses(attemptID: attempt.id)
        XCTAssertEqual(responses.map(\.questionID), ["q1"])
    }

    func testInMemoryStoreIsReady() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        try await store.startAttempt(Fixture.attempt(), module: Fixture.module())
        let open = try await store.inProgressAttempts(learnerID: "rn-4471")
        XCTAssertEqual(open.count, 1)
    }

    // MARK: Migrations

    func testUpgradingAVersion2StoreKeepsAuditEventsAndAllowsErasure() async throws {
        let file = path()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: file)
        // As cares with two migrations left it (GRDB's migrator recorded them by name).
        try await old.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in ShippedDDL.all.prefix(2) {
                try db.execute(sql: migration.sqlite)
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.name])
            }
        }
        let when = StoredDate.text(Date(timeIntervalSince1970: 1_767_225_600))
        try await old.write { db in
            try db.execute(
                sql: "INSERT INTO learners (id, name, created_at, updated_at) VALUES ('rn-1', 'Ana', ?, ?)", arguments: [when, when])
            try db.execute(
                sql: """
                    INSERT INTO audit_events (id, kind, learner_id, module_id, reason, os_user, at)
                    VALUES ('9b2f6c1e-0000-4000-8000-000000000001', 'attempt_granted', 'rn-1', 'reporting', 'Power cut', 'coord', ?)
                    """, arguments: [when])
        }
        try old.close()
        let store = try await Self.open(file)
        let version = try await store.schemaVersion()
        XCTAssertEqual(version, SQLiteStore.latestSchemaVersion)
        let kept = try await store.auditEvents(learnerID: "rn-1", moduleID: nil)
        XCTAssertEqual(kept.map(\.reason), ["Power cut"])
        try await store.eraseLearner(
            id: "rn-1", anonymousID: "erased-1",
            event: AuditEvent(kind: .learnerErased, learnerID: "erased-1", moduleID: "", reason: "Asked", osUser: "coord"))
        let events = try await store.auditEvents(learnerID: "erased-1", moduleID: nil)
        XCTAssertEqual(events.map(\.kind), [.attemptGranted, .learnerErased])
        let problems = try await store.integrityProblems()
        XCTAssertEqual(problems, [])
    }

    func testMigratingTwiceIsHarmless() async throws {
        let store = try await Self.open(path())
        try await store.saveLearner(Learner(id: "rn-1"))
        try await store.migrate()
        let second = try await Self.open(path())
        try await second.migrate()
        let version = try await second.schemaVersion()
        XCTAssertEqual(version, ShippedMigration.all.count)
        let integrity = try await second.integrityCheck()
        XCTAssertEqual(integrity, ["ok"])
        let learners = try await second.learners()
        XCTAssertEqual(learners.map(\.id), ["rn-1"])
    }

    func testASchemaFromANewerCaresIsRefused() async throws {
        let store = try await Self.open(path())
        try await store.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        let known = ShippedMigration.all.count
        do {
            try await Self.open(path()).migrate()
            XCTFail("a newer schema was accepted")
        } catch let error as StoreError {
            XCTAssertEqual(error, .schemaTooNew(found: known + 1, supported: known))
        }
    }

    func testMigrationsAreNamed() {
        XCTAssertEqual(ShippedMigration.all.first?.name, "v1-records")
    }

    func testStoresMigratingANewFileAtOnceAllSucceed() async throws {
        let file = path()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask { _ = try await Self.open(file) }
            }
            try await group.waitForAll()
        }
        let version = try await Self.open(file).schemaVersion()
        XCTAssertEqual(version, ShippedMigration.all.count)
    }

    // MARK: Failures a person can act on

    func testAFileThatIsNotADatabaseIsCorrupt() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = path("notes.sqlite")
        try Data(String(repeating: "Not a database, just notes.\n", count: 200).utf8).write(
            to: URL(fileURLWithPath: file))
        do {
            try await Self.open(file).migrate()
            XCTFail("a text file was opened as a store")
        } catch StoreError.corrupt(let message) {
            XCTAssertTrue(message.contains(file), message)
            XCTAssertTrue(message.contains("not a cares record store"), message)
        }
    }

    func testAReadOnlyFolderIsUnavailable() async throws {
        try XCTSkipIf(getuid() == 0, "root may write anywhere")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path) }
        let file = path()
        do {
            _ = try await Self.open(file)
            XCTFail("a store was created in a read-only folder")
        } catch StoreError.unavailable(let message) {
            XCTAssertTrue(message.contains(file), message)
        }
    }

    func testAFolderOrAPathThroughAFileIsUnavailable() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: path("plain.txt")))
        for file in [folder.path, path("plain.txt/records.sqlite")] {
            do {
                _ = try await Self.open(file)
                XCTFail("\(file) was opened as a store")
            } catch StoreError.unavailable(let message) {
                XCTAssertTrue(message.contains(folder.path), message)
            }
        }
    }

    func testSQLiteFailuresBecomeMessagesNamingThePath() {
        // Primary result codes: SQLITE_FULL, CANTOPEN, READONLY, PERM, NOTADB, CORRUPT.
        let cases: [(Int32, String)] = [
            (13, "the disk is full; free space and try again — your earlier answers are saved"),
            (14, "cannot open the record store /data/records.sqlite"),
            (8, "cannot write to the record store /data/records.sqlite"),
            (3, "cannot write to the record store /data/records.sqlite"),
            (26, "/data/records.sqlite is not a cares record store"),
            (11, "the record store /data/records.sqlite is damaged"),
        ]
        for (code, expected) in cases {
            let message = SQLiteStore.unavailableMessage(code: code, detail: nil, path: "/data/records.sqlite")
            XCTAssertTrue(message?.contains(expected) == true, "\(code): \(message ?? "nil")")
            XCTAssertTrue(message?.contains("/data/records.sqlite") == true, "\(code)")
        }
        // A constraint failure is the program's business, not the person's.
        XCTAssertNil(SQLiteStore.unavailableMessage(code: 19, detail: nil, path: "p"))
        let passedOn = SQLiteStore.storeError(StoreError.attemptNotFound("x"), path: "p") as? StoreError
        XCTAssertEqual(passedOn, .attemptNotFound("x"))
        // Each driver error becomes one structured case.
        let mapped = [ResultCode.SQLITE_BUSY, .SQLITE_CORRUPT, .SQLITE_FULL, .SQLITE_CONSTRAINT].map {
            SQLiteStore.storeError(DatabaseError(resultCode: $0), path: "p") as? StoreError
        }
        guard case .busy = mapped[0], case .corrupt = mapped[1], case .unavailable = mapped[2], case .constraint = mapped[3]
        else { return XCTFail("\(mapped)") }
        let malformed = SQLiteStore.storeError(MalformedValue(what: "date 'x' in at"), path: "p") as? StoreError
        XCTAssertEqual(malformed, .corrupt("the record store p holds a malformed date 'x' in at; restore it from a backup"))
    }

    // MARK: Concurrency

    func testEightStoresOnOneFileRecordAllTheirAnswers() async throws {
        let file = path()
        _ = try await Self.open(file)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for learner in 0..<8 {
                group.addTask {
                    let store = try SQLiteStore(path: file)
                    let attempt = Fixture.attempt(learner: "rn-\(learner)")
                    try await store.startAttempt(attempt, module: Fixture.module())
                    for question in 1...50 {
                        try await store.recordResponse(
                            Fixture.response(attempt.id, "q\(question)", answer: "a", position: question))
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try await Self.open(file)
        var total = 0
        for learner in 0..<8 {
            let attempts = try await store.attempts(learnerID: "rn-\(learner)", moduleID: nil)
            XCTAssertEqual(attempts.count, 1)
            for attempt in attempts {
                let responses = try await store.responses(attemptID: attempt.id)
                XCTAssertEqual(responses.map(\.position), Array(1...50))
                total += responses.count
            }
        }
        XCTAssertEqual(total, 400)
    }
}

extension SQLiteStore {
    /// The value of a setting such as `journal_mode` or `synchronous`, as text.
    func pragma(_ name: String) async throws -> String? {
        try await sqlite.queue.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    /// Runs SQL outside the store's API in one transaction, to fake other versions.
    func execute(sql: String) async throws {
        try await sqlite.queue.write { db in try db.execute(sql: sql) }
    }
}
