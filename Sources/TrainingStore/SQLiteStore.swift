import Foundation
import GRDB

/// The record store in one SQLite file (WAL mode, owner-only permissions), on GRDB.
///
/// Each instance holds one connection. Several instances, in one process or several, can use the
/// same file at once: writes are `BEGIN IMMEDIATE` transactions that wait up to 10 seconds for
/// the write lock and are retried a few times if SQLite still reports the file busy.
public final class SQLiteStore: CompletionStore {
    /// The database file, or `:memory:`; named in every error message.
    public let path: String
    let queue: DatabaseQueue

    /// How long a connection waits for another one's lock before SQLite gives up.
    static let busyTimeout: TimeInterval = 10
    /// How many times a write that still failed with SQLITE_BUSY or SQLITE_LOCKED is tried again.
    static let busyRetries = 3

    /// Opens the store at `path`, creating the file (0600) and its folder (0700) if missing.
    ///
    /// Call `migrate()` before anything else.
    public init(path: String) throws {
        self.path = path
        try Self.createFileIfMissing(at: path)
        let configuration = Self.configuration(path: path, wal: true)
        // Switching a new file to WAL does not wait for a lock held by another process opening it
        // at the same moment, so opening waits here, for as long as a write would.
        let deadline = Date().addingTimeInterval(Self.busyTimeout)
        while true {
            do {
                queue = try DatabaseQueue(path: path, configuration: configuration)
                return
            } catch let error as DatabaseError where Self.isBusy(error) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            } catch {
                throw Self.storeError(error, path: path)
            }
        }
    }

    private init(queue: DatabaseQueue, path: String) {
        self.queue = queue
        self.path = path
    }

    /// A private in-memory store, for tests; it is already migrated.
    public static func inMemory() throws -> SQLiteStore {
        let path = ":memory:"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration(path: path, wal: false))
            try migrator.migrate(queue)
        } catch {
            throw storeError(error, path: path)
        }
        return SQLiteStore(queue: queue, path: path)
    }

    /// The connection settings: foreign keys, busy timeout, and for a file WAL with full sync.
    static func configuration(path: String, wal: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.label = "cares.store"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
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

    // MARK: Database access

    /// Runs `value` in a read transaction; errors a person can act on become `StoreError`.
    func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await queue.read(value)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Runs `updates` in an IMMEDIATE transaction, retrying on SQLITE_BUSY/LOCKED.
    ///
    /// A failed transaction is rolled back as a whole, so running it again is safe.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        var tries = 0
        while true {
            do {
                return try await queue.writeWithoutTransaction { db in
                    var result: T?
                    try db.inTransaction(.immediate) {
                        result = try updates(db)
                        return .commit
                    }
                    guard let result else { throw DatabaseError(resultCode: .SQLITE_INTERNAL) }
                    return result
                }
            } catch let error as DatabaseError where Self.isBusy(error) && tries < Self.busyRetries {
                tries += 1
                try? await Task.sleep(nanoseconds: UInt64(tries) * 50_000_000)
            } catch {
                throw Self.storeError(error, path: path)
            }
        }
    }

    /// Whether another connection held a lock for longer than the busy timeout.
    static func isBusy(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }
}
