/// What a backend driver provides to the shared store: connections and transactions, streaming,
/// its own checks, and its errors mapped to `StoreError` once.
protocol SQLDatabase: Sendable {
    /// Runs `body` on one connection outside a write transaction.
    func read<T: Sendable>(_ body: (any SQLConnection) async throws -> T) async throws -> T
    /// Runs `body` in a write transaction, again (from the start) if the database reports a lock
    /// conflict; a failure rolls the whole transaction back.
    func write<T: Sendable>(_ body: (any SQLConnection) async throws -> T) async throws -> T
    /// Runs one statement as a write transaction of its own; returns whether it returned a row.
    ///
    /// Where a single statement commits atomically without `BEGIN` and `COMMIT` (PostgreSQL), it
    /// takes one round trip instead of three: the answer loop's hot path.
    func writeAlone(_ sql: SQL, _ values: [any SQLBindable]) async throws -> Bool
    /// Calls `body` with each row of a query as it is read, so memory stays flat; an error thrown by
    /// `body` stops the read and reaches the caller as it is.
    func stream(_ sql: SQL, _ values: [any SQLBindable], _ body: (SQLRow) throws -> Void) async throws
    var dialect: SQLDialect { get }
    /// The database's own checks (beyond the schema version); empty when it is sound.
    func checkProblems() async throws -> [String]
    func close() async
}

extension SQLDatabase {
    func writeAlone(_ sql: SQL, _ values: [any SQLBindable]) async throws -> Bool {
        try await write { try await $0.changed(sql, values) }
    }
}

/// One connection inside `SQLDatabase.read` or `write`.
protocol SQLConnection {
    /// Runs one statement; returns its rows (those of `RETURNING` for a write).
    func rows(_ sql: SQL, _ values: [any SQLBindable]) async throws -> [SQLRow]
    /// Runs one statement once for each set of values; returns how many runs returned a row.
    func runEach(_ sql: SQL, _ valueSets: [[any SQLBindable]]) async throws -> Int
    /// Runs a statement that returns no rows with `values` bound in order (bulk loads: no boxing per value).
    func write(_ sql: SQL, values: [SQLValue]) async throws
}

extension SQLConnection {
    func runEach(_ sql: SQL, _ valueSets: [[any SQLBindable]]) async throws -> Int {
        var changed = 0
        for values in valueSets where try await !rows(sql, values).isEmpty { changed += 1 }
        return changed
    }

    func write(_ sql: SQL, values: [SQLValue]) async throws {
        _ = try await rows(sql, values)
    }

    func execute(_ sql: SQL, _ values: [any SQLBindable]) async throws {
        _ = try await rows(sql, values)
    }

    /// Whether the statement (with `RETURNING`) returned a row, i.e. changed one.
    func changed(_ sql: SQL, _ values: [any SQLBindable]) async throws -> Bool {
        try await !rows(sql, values).isEmpty
    }

    func records<R: StoredRecord>(_ sql: SQL, _ values: [any SQLBindable] = []) async throws -> [R] {
        try await rows(sql, values).map { try R(row: $0, prefix: "") }
    }

    func record<R: StoredRecord>(_ sql: SQL, _ values: [any SQLBindable]) async throws -> R? {
        let all: [R] = try await records(sql, values)
        return all.first
    }

    /// One column of the first row, if any.
    func value<T: SQLReadable>(_ sql: SQL, _ values: [any SQLBindable], column: String) async throws -> T? {
        guard let row = try await rows(sql, values).first else { return nil }
        return try row[column] as T
    }
}
