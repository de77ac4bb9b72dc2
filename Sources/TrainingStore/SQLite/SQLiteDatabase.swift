import Foundation
import GRDB
// GRDB's own SQLite module (visible to its dependents), for binding bulk values without GRDB's per-value work.
import GRDBSQLite

/// The SQLite driver: one GRDB connection, used by one task at a time.
///
/// A write is a `BEGIN IMMEDIATE` transaction (waiting on GRDB's queue, not on Swift's threads, for
/// another process's lock), its statements, and `COMMIT`; the whole transaction runs again when
/// SQLite reports the file busy or locked.
final class SQLiteDatabase: SQLDatabase, SQLConnection, @unchecked Sendable {
    let queue: DatabaseQueue
    let path: String
    private let lock = AsyncLock()
    var dialect: SQLDialect { .sqlite }

    init(queue: DatabaseQueue, path: String) {
        self.queue = queue
        self.path = path
    }

    func read<T: Sendable>(_ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await lock.run {
            do { return try await body(self) } catch { throw SQLiteStore.storeError(error, path: path) }
        }
    }

    func write<T: Sendable>(_ body: (any SQLConnection) async throws -> T) async throws -> T {
        try await lock.run {
            var tries = 0
            while true {
                do {
                    try await queue.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
                    do {
                        let result = try await body(self)
                        try queue.inDatabase { db in try db.execute(sql: "COMMIT") }
                        return result
                    } catch {
                        try? queue.inDatabase { db in if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") } }
                        throw error
                    }
                } catch let error as DatabaseError where SQLiteStore.isBusy(error) && tries < SQLiteStore.busyRetries {
                    tries += 1
                    try? await Task.sleep(nanoseconds: UInt64(tries) * 50_000_000)
                } catch {
                    throw SQLiteStore.storeError(error, path: path)
                }
            }
        }
    }

    /// Runs one statement on the connection (inside `read` or `write`, which hold the lock).
    func rows(_ sql: SQL, _ values: [any SQLBindable]) async throws -> [SQLRow] {
        let arguments = StatementArguments(values.map { Self.databaseValue($0.sqlValue) })
        return try queue.inDatabase { db in
            var result: [SQLRow] = []
            try Self.each(db, sql, arguments) { result.append($0) }
            return result
        }
    }

    /// Runs the statement for every set of values in one call on the connection (bulk loads, copies).
    func runEach(_ sql: SQL, _ valueSets: [[any SQLBindable]]) async throws -> Int {
        let sets = valueSets.map { values in StatementArguments(values.map { Self.databaseValue($0.sqlValue) }) }
        return try queue.inDatabase { db in
            let statement = try db.cachedStatement(sql: sql.sqlite)
            return try sets.reduce(0) { changed, arguments in try changed + (Row.fetchOne(statement, arguments: arguments) == nil ? 0 : 1) }
        }
    }

    /// Binds `values` straight to SQLite (GRDB's `StatementArguments` boxed and projected every value,
    /// most of a roster import's staging time) and steps the statement once.
    func write(_ sql: SQL, values: [SQLValue]) async throws {
        try queue.inDatabase { db in
            let statement = try db.cachedStatement(sql: sql.sqlite)
            let handle = statement.sqliteStatement
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            for (offset, value) in values.enumerated() {
                let index = CInt(offset + 1)
                let code: CInt
                switch value {
                case .null: code = sqlite3_bind_null(handle, index)
                case .text(let text): code = Self.bind(text, handle, index)
                case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
                case .real(let number): code = sqlite3_bind_double(handle, index, number)
                case .bool(let flag): code = sqlite3_bind_int64(handle, index, flag ? 1 : 0)
                case .date(let date): code = Self.bind(StoredDate.text(date), handle, index)
                case .uuid(let id): code = Self.bind(StoredID.text(id), handle, index)
                }
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql.sqlite) }
            }
            let step = sqlite3_step(handle)
            let reset = sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            guard step == SQLITE_DONE || step == SQLITE_ROW, reset == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: step == SQLITE_DONE ? reset : step), message: db.lastErrorMessage, sql: sql.sqlite)
            }
        }
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private static func bind(_ text: String, _ handle: OpaquePointer, _ index: CInt) -> CInt {
        var text = text
        return text.withUTF8 { bytes in
            sqlite3_bind_text(handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, CInt(bytes.count), transient)
        }
    }

    /// Reads synchronously on this connection, so `body` need not be `Sendable`; a report blocks one
    /// thread while it runs, and rows are converted one at a time.
    func stream(_ sql: SQL, _ values: [any SQLBindable], _ body: (SQLRow) throws -> Void) async throws {
        let arguments = StatementArguments(values.map { Self.databaseValue($0.sqlValue) })
        try await lock.run {
            // Errors from `body` pass through `storeError` unchanged; SQLite's and malformed values are mapped.
            do { try queue.read { db in try Self.stepEach(db, sql, arguments, body) } } catch {
                throw SQLiteStore.storeError(error, path: path)
            }
        }
    }

    private static func each(
        _ db: Database, _ sql: SQL, _ arguments: StatementArguments, _ body: (SQLRow) throws -> Void
    ) throws {
        let statement = try db.cachedStatement(sql: sql.sqlite)
        let columns = SQLRow.index(statement.columnNames)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try cursor.next() {
            try body(SQLRow(columns: columns, values: row.databaseValues.map(sqlValue)))
        }
    }

    /// `each` for a streamed read: steps the statement and reads each column straight from SQLite,
    /// without GRDB's `Row` and `DatabaseValue` for every row (a report reads millions of values).
    private static func stepEach(
        _ db: Database, _ sql: SQL, _ arguments: StatementArguments, _ body: (SQLRow) throws -> Void
    ) throws {
        let statement = try db.cachedStatement(sql: sql.sqlite)
        try statement.setArguments(arguments)
        let columns = SQLRow.index(statement.columnNames)
        let count = CInt(statement.columnCount)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var values: [SQLValue] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql.sqlite)
            }
            values.removeAll(keepingCapacity: true)
            for column in 0..<count {
                switch sqlite3_column_type(handle, column) {
                case SQLITE_NULL: values.append(.null)
                case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(handle, column)))
                case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(handle, column)))
                default:
                    // Text, and a blob read as UTF-8 text as `sqlValue` does.
                    let length = Int(sqlite3_column_bytes(handle, column))
                    if let bytes = sqlite3_column_blob(handle, column) {
                        values.append(.text(String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)))
                    } else {
                        values.append(.text(""))
                    }
                }
            }
            try body(SQLRow(columns: columns, values: values))
        }
    }

    private static func sqlValue(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob(let data): return .text(String(decoding: data, as: UTF8.self))
        }
    }

    /// Dates as `StoredDate` text, ids as lowercase text, booleans as 0 or 1.
    private static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .text(let text): return text.databaseValue
        case .integer(let number): return number.databaseValue
        case .real(let number): return number.databaseValue
        case .bool(let flag): return (flag ? 1 : 0 as Int64).databaseValue
        case .date(let date): return StoredDate.text(date).databaseValue
        case .uuid(let id): return StoredID.text(id).databaseValue
        }
    }

    // MARK: Checks

    func integrityCheck() async throws -> [String] {
        do {
            return try await queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch {
            throw SQLiteStore.storeError(error, path: path)
        }
    }

    func checkProblems() async throws -> [String] {
        let rows = try await integrityCheck()
        return rows == ["ok"] ? [] : rows.map { "integrity check: \($0)" }
    }

    /// Tries once, without waiting, to truncate the write-ahead log (finishing an erasure another
    /// session held up); the connection itself closes with the store.
    func close() async {
        _ = try? await truncateLog(wait: 0)
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)` with a busy timeout of `wait` seconds; whether it completed.
    func truncateLog(wait: TimeInterval) async throws -> Bool {
        guard path != ":memory:" else { return true }
        return try await lock.run {
            do {
                return try queue.inDatabase { db in
                    guard !db.isInsideTransaction else { return false }
                    try db.execute(sql: "PRAGMA busy_timeout = \(Int(wait * 1000))")
                    defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(SQLiteStore.busyTimeout * 1000))") }
                    guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") else { return false }
                    let busy: Int = row[0]
                    return busy == 0
                }
            } catch let error as DatabaseError where SQLiteStore.isBusy(error) {
                return false
            } catch {
                throw SQLiteStore.storeError(error, path: path)
            }
        }
    }
}

/// Lets one task at a time into a section that may suspend.
final class AsyncLock: @unchecked Sendable {
    private let mutex = NSLock()
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func run<T>(_ body: () async throws -> T) async throws -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let waits = mutex.withLock { () -> Bool in
                if locked {
                    waiters.append(continuation)
                    return true
                }
                locked = true
                return false
            }
            if !waits { continuation.resume() }
        }
        defer {
            let next = mutex.withLock { () -> CheckedContinuation<Void, Never>? in
                if waiters.isEmpty {
                    locked = false
                    return nil
                }
                return waiters.removeFirst()
            }
            next?.resume()
        }
        return try await body()
    }
}
