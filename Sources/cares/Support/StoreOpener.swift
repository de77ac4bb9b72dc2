import Foundation
import TrainingStore

/// Opens the record store named by a location — a SQLite file path, or a `postgres://` or
/// `postgresql://` URL — migrating it, with errors a person can act on.
enum StoreOpener {
    /// Opens the store; with `migrate`, creates or upgrades its schema first. Close it when done.
    static func open(_ location: String, migrate: Bool = true) async throws -> any CompletionStore {
        let store: any CompletionStore
        do {
            store = try await connect(location)
        } catch let error as StoreError {
            throw failure(error, location: location)
        } catch let failure as CaresFailure {
            throw failure
        } catch {
            throw CaresFailure.store("cannot open the record store \(describe(location)): \(error)")
        }
        guard migrate else { return store }
        do {
            try await store.migrate()
            return store
        } catch {
            await store.close()
            if let error = error as? StoreError { throw failure(error, location: location) }
            throw CaresFailure.store("cannot use the record store \(describe(location)): \(error)")
        }
    }

    /// The location as safe to print: a URL with its password masked.
    static func describe(_ location: String) -> String {
        if PostgresLocation.isURL(location) {
            return (try? PostgresLocation(url: location).description) ?? PostgresLocation.masked(location)
        }
        return location
    }

    private static func connect(_ location: String) async throws -> any CompletionStore {
        if PostgresLocation.isURL(location) {
            return try await PostgresStore.connect(PostgresLocation(url: location))
        }
        if let scheme = location.range(of: "://").map({ location[..<$0.lowerBound] }),
            scheme.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }), !scheme.isEmpty
        {
            throw CaresFailure.store(
                "cannot use the record store \(PostgresLocation.masked(location)): '\(scheme)' databases are not supported",
                hint: "use a SQLite file path or a postgres://user:password@host:port/database URL")
        }
        return try SQLiteStore(path: location)
    }

    private static func failure(_ error: StoreError, location: String) -> CaresFailure {
        if PostgresLocation.isURL(location) {
            // The message names the server and the URL with its password masked.
            return CaresFailure.store(error.description, hint: "the record store is set by --database, CARES_DATABASE or the config file (cares config show)")
        }
        return CaresFailure.store(error.description, hint: "Nothing already saved is lost; fix this and run the command again.")
    }
}
