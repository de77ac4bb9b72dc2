import Foundation
import TrainingStore

/// Opens the record store named by a path (SQLite), migrating it, with errors a person can act on.
enum StoreOpener {
    static func open(_ location: String) async throws -> any CompletionStore {
        do {
            let store = try SQLiteStore(path: location)
            try await store.migrate()
            return store
        } catch let error as StoreError {
            throw CaresFailure.store(error.description, hint: "Nothing already saved is lost; fix this and run the command again.")
        } catch {
            throw CaresFailure.store("cannot open the record store \(location): \(error)")
        }
    }
}
