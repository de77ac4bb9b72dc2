import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL driver: a PostgresNIO client's pooled connections and transactions.
final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    let location: PostgresLocation
    private let client: PostgresClient
    /// The pool's `run()` when the store was opened with `connect` rather than `withStore`.
    private let runner: Task<Void, Never>?
    let logger = Logger(label: "cares.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// How many times a transaction the server aborted for a deadlock or serialization failure is tried again.
    static let conflictRetries = 3
    var dialect: SQLDialect { .postgres }

    init(location: PostgresLocation, client: PostgresClient, runner: Task<Void, Never>?) {
        self.location = location
        self.client = client
        self.runner = runner
    }

    func close() async {
        runner?.cancel()
        await runner?.value
    }

    func read<T: Sendable>(_ body: (any SQLConnection) async throws -> T) async throws -> T {
        do {
            try await awaitFreeConnection()
            return try await client.withConnection { connection in
                try await body(Connection(connection: connection, logger: logger))
            }
        } catch {
            throw PostgresStore.storeError(error, location: location)
        }
    }

    func write<T: Sendable>(_ body: (any SQLConnection) async throws -> T) async throws -> T {
        var tries = 0
        while true {
            do {
                try await awaitFreeConnection()
                return try await client.withConnection { connection in
                    try await connection.withTransaction(logger: logger) { connection in
                        try await body(Connection(connection: connection, logger: logger))
                    }
                }
            } catch {
                let error = PostgresStore.storeError(error, location: location)
                guard PostgresStore.isConflict(error) else { throw error }
                guard tries < Self.conflictRetries else {
                    throw StoreError.busy(
                        PostgresStore.unavailable("transactions kept conflicting with other terminals; try again", location)
                            .description)
                }
                tries += 1
                try? await Task.sleep(nanoseconds: UInt64(tries) * 20_000_000)
            }
        }
    }

    func writeAlone(_ sql: SQL, _ values: [any SQLBindable]) async throws -> Bool {
        // Outside a transaction block the server commits the statement on its own.
        var tries = 0
        while true {
            do {
                try await awaitFreeConnection()
                return try await client.withConnection { connection in
                    try await !Connection(connection: connection, logger: logger).rows(sql, values).isEmpty
                }
            } catch {
                let error = PostgresStore.storeError(error, location: location)
                guard PostgresStore.isConflict(error), tries < Self.conflictRetries else { throw error }
                tries += 1
                try? await Task.sleep(nanoseconds: UInt64(tries) * 20_000_000)
            }
        }
    }

    func stream(_ sql: SQL, _ values: [any SQLBindable], _ body: (SQLRow) throws -> Void) async throws {
        // An error thrown by `body` stops the read and reaches the caller as it is.
        var stopped: (any Error)?
        do {
            try await awaitFreeConnection()
            try await client.withConnection { connection in
                var columns: [String: Int]?
                for try await row in try await Connection(connection: connection, logger: logger).query(sql, values) {
                    do { try body(try Connection.row(row, &columns)) } catch {
                        stopped = error
                        break
                    }
                }
            }
        } catch {
            throw PostgresStore.storeError(error, location: location)
        }
        if let stopped { throw stopped is MalformedValue ? PostgresStore.storeError(stopped, location: location) : stopped }
    }

    /// Returns once the pool has a connection for this process, or throws when the server stops
    /// answering while it waits (`PostgresStore.watchWhileWaiting`), instead of after the pool's
    /// one-minute circuit breaker with a reason that could be a full server.
    ///
    /// The connection is leased empty and given back at once; the operation that follows takes it
    /// again (it stays open for `idleTimeout`).
    private func awaitFreeConnection() async throws {
        let client = self.client
        let location = self.location
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await client.withConnection { _ in } }
            group.addTask { try await PostgresStore.watchWhileWaiting(location) }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// One pooled connection: binds `SQLValue`s with their PostgreSQL types and reads cells back by type.
    struct Connection: SQLConnection {
        let connection: PostgresConnection
        let logger: Logger

        func rows(_ sql: SQL, _ values: [any SQLBindable]) async throws -> [SQLRow] {
            var rows: [SQLRow] = []
            var columns: [String: Int]?
            for try await row in try await query(sql, values) { rows.append(try Self.row(row, &columns)) }
            return rows
        }

        func query(_ sql: SQL, _ values: [any SQLBindable]) async throws -> PostgresRowSequence {
            var bindings = PostgresBindings(capacity: values.count)
            for value in values {
                switch value.sqlValue {
                case .null: bindings.appendNull()
                case .text(let text): bindings.append(text)
                case .integer(let number): bindings.append(number)
                case .real(let number): bindings.append(number)
                case .bool(let flag): bindings.append(flag)
                case .date(let date): bindings.append(StoredDate.rounded(date))
                case .uuid(let id): bindings.append(id)
                }
            }
            return try await connection.query(PostgresQuery(unsafeSQL: sql.postgres, binds: bindings), logger: logger)
        }

        /// The row's values; `columns` is worked out from the first row of a result and kept.
        static func row(_ row: PostgresRow, _ columns: inout [String: Int]?) throws -> SQLRow {
            let cells = Array(row)
            let index = columns ?? SQLRow.index(cells.map(\.columnName))
            columns = index
            return SQLRow(columns: index, values: try cells.map(value))
        }

        private static func value(_ cell: PostgresCell) throws -> SQLValue {
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
            case .float4, .float8: return .real(try cell.decode(Double.self))
            case .bool: return .bool(try cell.decode(Bool.self))
            case .timestamptz, .timestamp: return .date(try cell.decode(Date.self))
            case .uuid: return .uuid(try cell.decode(UUID.self))
            default: return .text(try cell.decode(String.self))
            }
        }
    }

    // MARK: Checks

    /// The tables the latest schema has.
    static let expectedTables = [
        "schema_migrations", "learners", "module_versions", "attempts", "responses", "audit_events", "certificates",
    ]

    /// Missing tables; empty when every one is there.
    func checkProblems() async throws -> [String] {
        try await read { connection in
            var problems: [String] = []
            for table in Self.expectedTables {
                let present: Bool? = try await connection.value(
                    "SELECT to_regclass(?) IS NOT NULL AS present", [table], column: "present")
                if present != true { problems.append("table \(table) is missing") }
            }
            return problems
        }
    }
}
