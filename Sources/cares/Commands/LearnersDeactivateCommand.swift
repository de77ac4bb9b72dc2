import ArgumentParser
import TrainingService

/// `cares learners deactivate ID`: someone left; stop listing them as due, keep their history.
struct LearnersDeactivateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate",
        abstract: "Mark a learner as gone: no longer due in reports; their records are kept.",
        discussion: "Their transcript and attempts stay. A roster import that lists them again makes them active again.")

    @Argument(help: "The learner's staff ID.")
    var learner: String

    @OptionGroup var options: SessionOptions

    func run() async throws {
        try await StoreOpener.withStore(try options.databaseLocation) { store in
            try await LearnerAdministration(store: store).deactivate(learner)
        }
        Console(plain: true).line(
            "Deactivated \(DiagnosticPrinter.printable(learner)): no longer listed as due; their records are kept.")
    }
}
