import Foundation

/// Where the records are: a SQLite file path, or a PostgreSQL server named by a `postgres://` or
/// `postgresql://` URL. Opens either backend and says what it can do, so callers need not ask which one it is.
public enum StoreLocation: Hashable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// Parses a path or a URL; throws `StoreError.unavailable` for a malformed PostgreSQL URL and
    /// `StoreError.unsupported` for any other scheme.
    public init(_ text: String) throws {
        if PostgresLocation.isURL(text) {
            self = .postgres(try PostgresLocation(url: text))
            return
        }
        if let scheme = text.range(of: "://").map({ text[..<$0.lowerBound] }), !scheme.isEmpty,
            scheme.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." })
        {
            throw StoreError.unsupported(
                "cannot use the record store \(PostgresLocation.masked(text)): '\(scheme)' databases are not supported")
        }
        self = .sqlite(path: text)
    }

    /// The path, or the URL with its password masked.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let location): return location.description
        }
    }

    /// `text` as safe to print: parsed and masked when it can be, else with any password masked.
    public static func describe(_ text: String) -> String {
        (try? StoreLocation(text).description) ?? PostgresLocation.masked(text)
    }

    public var capabilities: StoreCapabilities {
        switch self {
        case .sqlite: return [.localFile, .onlineBackup, .integrityCheck]
        case .postgres: return [.shared]
        }
    }

    /// Whether the records already exist there (always true for a server, which `withStore` checks).
    public var exists: Bool {
        guard case .sqlite(let path) = self else { return true }
        return FileManager.default.fileExists(atPath: path)
    }

    /// Opens the store, migrates it when `migrate` is set, runs `body`, and closes it whatever happens.
    ///
    /// A PostgreSQL client's connection pool runs in a child task of this call and is shut down
    /// (the task cancelled) before it returns.
    public func withStore<T: Sendable>(
        migrate: Bool = true, _ body: (RecordStore) async throws -> T
    ) async throws -> T {
        switch self {
        case .sqlite(let path):
            let store = try SQLiteStore(path: path)
            return try await Self.using(store, migrate: migrate, body)
        case .postgres(let location):
            return try await PostgresStore.withStore(location) { store in
                try await Self.using(store, migrate: migrate, body)
            }
        }
    }

    private static func using<T: Sendable>(
        _ store: RecordStore, migrate: Bool, _ body: (RecordStore) async throws -> T
    ) async throws -> T {
        do {
            if migrate { try await store.migrate() }
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}
