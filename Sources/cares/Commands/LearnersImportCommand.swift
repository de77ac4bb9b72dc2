import ArgumentParser
import Foundation
import TrainingService

/// `cares learners import roster.csv`: add or update learners from a CSV roster.
struct LearnersImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add or update learners from a CSV roster (id, name, email, department, role).",
        discussion: """
            The first line names the columns; only id is required, and a column left out keeps what is on \
            record. Every problem is reported with its line, and nothing is imported unless the whole file \
            is good: the file is imported in one transaction, so an error, a kill or Ctrl-C leaves the \
            records as they were. Importing again updates people; it never duplicates them. Once a roster is imported, \
            staff IDs not on it are refused by cares take.
            """)

    @Argument(help: "The roster CSV file (UTF-8).", completion: .file(extensions: ["csv"]))
    var file: String

    @OptionGroup var options: SessionOptions

    func run() async throws {
        let location = try options.databaseLocation
        let file = file
        let outcome = try await InterruptibleImport.run(nothing: "nothing was imported") {
            try await StoreOpener.withStore(location) { store in
                try await LearnerAdministration(store: store).importRoster(file: file, fileName: file)
            }
        }
        print("Imported \(outcome.total) learner\(outcome.total == 1 ? "" : "s") from \(DiagnosticPrinter.printable(file)): "
            + "\(outcome.added) new, \(outcome.updated) updated, \(outcome.unchanged) unchanged.")
    }
}
