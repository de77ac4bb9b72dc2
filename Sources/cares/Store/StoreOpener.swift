import Foundation
import TrainingStore

/// Opens the record store named by a location — a SQLite file path, or a `postgres://` or
/// `postgresql://` URL — migrating it, with errors a person can act on.
enum StoreOpener {
    /// Opens the store, with `migrate` creating or upgrading its schema first, runs `body` with it,
    /// and closes it whatever happens. Errors from `body` reach the caller as they are.
    static func withStore<T: Sendable>(
        _ location: String, migrate: Bool = true, _ body: (RecordStore) async throws -> T
    ) async throws -> T {
        let place = try parse(location)
        var opened = false
        do {
            return try await place.withStore(migrate: false) { store in
                if migrate {
                    do { try await store.migrate() } catch { throw failure(error, place, verb: "use") }
                }
                opened = true
                return try await body(store)
            }
        } catch where !opened {
            throw failure(error, place, verb: "open")
        }
    }

    /// The location parsed; a malformed URL or an unsupported scheme is a failure with a hint.
    static func parse(_ location: String) throws -> StoreLocation {
        do {
            return try StoreLocation(location)
        } catch {
            throw failure(error, nil, verb: "open")
        }
    }

    /// The location as safe to print: a URL with its password masked.
    static func describe(_ location: String) -> String {
        StoreLocation.describe(location)
    }

    /// `error` as a failure naming the store, with a hint for where it is set (`place` nil: the
    /// location itself did not parse).
    private static func failure(_ error: any Error, _ place: StoreLocation?, verb: String) -> any Error {
        if error is CaresFailure { return error }
        guard let error = error as? StoreError else {
            return CaresFailure.store("cannot \(verb) the record store \(place?.description ?? "?"): \(error)")
        }
        if case .unsupported(let message) = error {
            return CaresFailure.store(message, hint: "use a SQLite file path or a postgres://user:password@host:port/database URL")
        }
        if place?.capabilities.contains(.localFile) == true {
            return CaresFailure.store(error.description, hint: "Nothing already saved is lost; fix this and run the command again.")
        }
        // The message names the server and the URL with its password masked.
        return CaresFailure.store(
            error.description,
            hint: "the record store is set by --database, CARES_DATABASE or the config file (cares config show)")
    }
}
