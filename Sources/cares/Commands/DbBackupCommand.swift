import ArgumentParser

/// `cares db backup FILE`: a consistent copy of a SQLite record store, taken while it is in use.
struct DbBackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy a SQLite record store into a new file, safely while learners are using it.",
        discussion: """
            Uses SQLite's online backup, so the copy is one consistent moment even while people \
            are answering questions. The new file is readable by you only (0600); an existing file \
            is never overwritten. Back up a PostgreSQL store with pg_dump (docs/deploy-postgres.md).
            """)

    @Argument(help: ArgumentHelp("The new backup file.", valueName: "file"))
    var file: String

    @Option(
        name: .long,
        help: ArgumentHelp("The record store (default: $CARES_DATABASE, else the usual file).", valueName: "path-or-url"))
    var database: String?

    func run() async throws {
        let location = try SessionOptions.databaseLocation(flag: database)
        Console(plain: true).line(try await StoreMaintenance(location: location).backup(to: file))
    }
}
