import ArgumentParser

/// `cares db check`: is the record store sound and at this build's schema version?
struct DbCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the record store: SQLite's integrity check, the tables and the schema version.",
        discussion: "Exits 0 when all is well, 1 with the problems listed. Changes nothing.")

    @Option(
        name: .long,
        help: ArgumentHelp("The record store (default: $CARES_DATABASE, else the usual file).", valueName: "path-or-url"))
    var database: String?

    func run() async throws {
        let location = try SessionOptions.databaseLocation(flag: database)
        Console(plain: true).line(try await StoreMaintenance(location: location).check())
    }
}
