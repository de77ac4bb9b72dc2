import ArgumentParser
import Foundation
import TrainingStore

/// `cares db copy --from A --to B`: copy every record into another store, without duplicates.
struct DbCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy learners, module versions, attempts and answers from one record store into another.",
        discussion: """
            Typically a pilot's SQLite file into the shared PostgreSQL database. Records already in \
            the target are left alone, so running it again copies nothing twice; answers given and \
            attempts finished since the last copy come across. The copy is one transaction on the \
            target: an error, a kill or Ctrl-C leaves the target as it was. Exits 1 if an attempt could not be \
            copied because the learner has another one in progress in the target.
            """)

    @Option(name: .long, help: ArgumentHelp("The store to copy from: a SQLite file path or a postgres:// URL.", valueName: "path-or-url"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The store to copy into: a SQLite file path or a postgres:// URL.", valueName: "path-or-url"))
    var to: String

    func validate() throws {
        guard from != to else { throw ValidationError("--from and --to name the same record store") }
    }

    func run() async throws {
        try await StoreCopy(from: from, to: to, console: Console(plain: true)).run()
    }
}
