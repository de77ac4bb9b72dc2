import ArgumentParser
import Foundation
import TrainingStore

/// `cares db migrate`: create or upgrade the record store's schema and print its version.
struct DbMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the record store's tables, and print the schema version.",
        discussion: """
            Every command does this on its own when it can; run it once, as the database owner, \
            when the everyday database user may not create tables (see docs/deploy-postgres.md).
            """)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The record store: a SQLite file path or a postgres:// URL (default: $CARES_DATABASE, else the usual file).",
            valueName: "path-or-url"))
    var database: String?

    func run() async throws {
        let location = try SessionOptions.databaseLocation(flag: database)
        let message = try await StoreOpener.withStore(location, migrate: false) { store in
            try await StoreMigration(store: store, location: location).run()
        }
        Console(plain: true).line(message)
    }
}
