import Foundation
import TrainingStore

/// Migrates an open store and says what changed.
struct StoreMigration {
    let store: any CompletionStore
    let location: String

    func run() async throws -> String {
        let before = try await store.schemaVersion()
        try await store.migrate()
        let after = try await store.schemaVersion()
        let name = DiagnosticPrinter.printable(StoreOpener.describe(location))
        switch before {
        case after: return "The record store \(name) is up to date: schema version \(after)."
        case 0: return "Created the record store \(name): schema version \(after)."
        default: return "Upgraded the record store \(name): schema version \(before) → \(after)."
        }
    }
}
