import Foundation
import GRDB

/// The record store in one SQLite file (WAL mode, owner-only permissions), on GRDB.
///
/// Each instance holds one connection. Several instances, in one process or several, can use the
/// same file at once: writes are `BEGIN IMMEDIATE` transactions that wait up to 10 seconds for
/// the write lock and are retried a few times if SQLite still reports the file busy.
public final class SQLiteStore: RecordStore, @unchecked Sendable {
    /// The database file, or `:memory:`; named in every error message.
    public var path: String { sqlite.path }
    let sqlite: SQLiteDatabase

    /// How long a connection waits for another one's lock before SQLite gives up.
    static let busyTimeout: TimeInterval = 10
    /// How many times a write that still failed with SQLITE_BUSY or SQLITE_LOCKED is tried again.
    static let busyRetries = 3

    /// Opens the store at `path`, creating the file (0600) and its folder (0700) if missing.
    ///
    /// Call `migrate()` before anything else.
    public convenience init(path: String) throws {
        try Self.createFileIfMissing(at: path)
        self.init(queue: try Self.openQueue(path: path), path: path)
    }

    /// Opens the file in WAL mode. Switching a new file to WAL does not wait for a lock held by
    /// another process opening it at the same moment, so this waits as long as a write would.
    private static func openQueue(path: String) throws -> DatabaseQueue {
        let configuration = configuration(path: path, wal: true)
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabaseQueue(path: path, configuration: configuration)
            } catch let error as DatabaseError where isBusy(error) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            } catch {
                throw storeError(error, path: path)
            }
        }
    }

    private init(queue: DatabaseQueue, path: String) {
        sqlite = SQLiteDatabase(queue: queue, path: path)
        super.init(location: .sqlite(path: path), database: sqlite)
    }

    /// A private in-memory store, for tests; it is already migrated.
    public static func inMemory() throws -> SQLiteStore {
        let path = ":memory:"
        do {
            let queue = try DatabaseQueue(configuration: configuration(path: path, wal: false))
            try queue.write { db in
                try db.execute(sql: Migrator.sqliteLedger.sqlite)
                for migration in ShippedMigration.all {
                    try db.execute(sql: migration.sqlite)
                    try db.execute(sql: Migrator.sqliteRecord.sqlite, arguments: [migration.name])
                }
            }
            return SQLiteStore(queue: queue, path: path)
        } catch {
            throw storeError(error, path: path)
        }
    }

    /// Waits for another connection's lock in steps of 1 ms, for at least `busyTimeout` in all (#16 item 4).
    ///
    /// SQLite's own busy timeout sleeps 1, 2, 5, 10 … up to 100 ms between tries, so with several
    /// learners answering at once on one file an unlucky writer slept up to 100 ms after the lock was
    /// free (p99 of several hundred milliseconds with eight learners); polling every millisecond
    /// keeps a writer's wait close to the time the others actually hold the lock.
    static let busyWait: Database.BusyCallback = { tries in
        guard Double(tries) < busyTimeout * 1000 else { return false }
        usleep(1000)
        return true
    }

    /// The connection settings: foreign keys, busy timeout, transactions held across calls, and for
    /// a file WAL with full sync.
    static func configuration(path: String, wal: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.label = "cares.store"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .callback(busyWait)
        // `SQLiteDatabase.write` opens a transaction and runs each statement in its own call.
        configuration.allowsUnsafeTransactions = true
        configuration.prepareDatabase { db in
            // Deleted and overwritten content is zeroed in the file, so erased personal data leaves no trace.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // A large sort (a roster import's staging index) may use a second thread.
            try db.execute(sql: "PRAGMA threads = 2")
        }
        if wal {
            // Set here rather than with `journalMode = .wal`, which would lower synchronous to NORMAL.
            configuration.prepareDatabase { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode?.lowercased() == "wal" else {
                    throw StoreError.unavailable(
                        "cannot use the record store \(path): SQLite could not switch it to WAL mode")
                }
                // FULL: a committed answer survives a power cut, not only a killed process.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
        return configuration
    }

    // MARK: SQLite only

    /// The rows of `PRAGMA integrity_check`: `["ok"]` when the file is sound.
    public func integrityCheck() async throws -> [String] { try await sqlite.integrityCheck() }

    /// Copies the whole database into a new file at `destination` (created 0600) with SQLite's
    /// online backup API: one consistent snapshot, even while other processes are writing.
    ///
    /// Refuses a destination that exists; a failed backup leaves no file behind.
    public override func backup(to destination: String) async throws {
        let code = Self.createNewFile(destination)
        if code != 0 {
            if code == EEXIST { throw StoreError.unavailable("\(destination) already exists; cares will not overwrite it") }
            throw StoreError.unavailable("cannot create the backup \(destination): \(Self.errorText(code))")
        }
        do {
            let target = try DatabaseQueue(path: destination)
            try sqlite.queue.backup(to: target)
            try target.close()
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: destination + suffix) }
            throw StoreError.unavailable(
                "cannot back up \(path) to \(destination): \(Self.backupFailure(error)); nothing was left at \(destination)")
        }
    }

    /// Checkpoints the write-ahead log into the database file and truncates the log to zero bytes, so
    /// nothing erased stays in the `-wal` file; waits up to `wait` seconds for other sessions' reads.
    /// Returns false when another session's open read keeps the log for now.
    public func truncateLog(wait: TimeInterval) async throws -> Bool { try await sqlite.truncateLog(wait: wait) }

    public override func clearErasedTraces() async throws -> Bool { try await truncateLog(wait: 2) }

    /// Whether another connection held a lock for longer than the busy timeout.
    static func isBusy(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }
}
