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
            is good. Importing again updates people; it never duplicates them. Once a roster is imported, \
            staff IDs not on it are refused by cares take.
            """)

    @Argument(help: "The roster CSV file (UTF-8).", completion: .file(extensions: ["csv"]))
    var file: String

    @OptionGroup var options: SessionOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CaresFailure.refused("cannot read \(file)", hint: "Check the path and that you may read the file.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CaresFailure.badData("\(file) is not UTF-8 text", hint: "Save it as \"CSV UTF-8\" and import it again.")
        }
        let outcome = try await StoreOpener.withStore(try options.databaseLocation) { store in
            try await LearnerAdministration(store: store).importRoster(text, fileName: file)
        }
        print("Imported \(outcome.total) learner\(outcome.total == 1 ? "" : "s") from \(DiagnosticPrinter.printable(file)): "
            + "\(outcome.added) new, \(outcome.updated) updated, \(outcome.unchanged) unchanged.")
    }
}
