import ArgumentParser
import TrainingService

/// `cares learners remove ID --erase --reason TEXT`: erase a person's data, keep anonymous scores.
struct LearnersRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Erase a learner's personal data, keeping anonymous scores for item statistics.",
        discussion: """
            Removes the name and email and the answers to reflection questions, and replaces the \
            staff ID everywhere with a random id such as erased-3f9a0c1b2d4e. Scores and right or wrong \
            per question are kept, so item statistics do not change. Recorded with the reason, your OS \
            user and the time. This cannot be undone: --erase is required. To keep the history of \
            someone who left, use `cares learners deactivate` instead. On SQLite the write-ahead log is then cleared too \
            (see docs/operations.md, "Erasure").
            """)

    @Argument(help: "The learner's staff ID.")
    var learner: String

    @Flag(help: "Confirm that the personal data is to be erased, irreversibly.")
    var erase = false

    @Option(help: ArgumentHelp("Why (kept for audit; do not name the person).", valueName: "text"))
    var reason: String

    @OptionGroup var options: SessionOptions

    func validate() throws {
        guard erase else {
            throw ValidationError(
                "removing a learner erases their name, email and reflection answers and cannot be undone; "
                    + "add --erase to confirm, or use `cares learners deactivate` to keep their history")
        }
    }

    func run() async throws {
        let (anonymousID, cleared, location) = try await StoreOpener.withStore(try options.databaseLocation) { store in
            let administration = LearnerAdministration(store: store)
            let anonymousID = try await administration.erase(learner, reason: reason)
            return (anonymousID, try await administration.clearErasedTraces(), store.location.description)
        }
        let console = Console(plain: true)
        console.line("""
            Erased \(DiagnosticPrinter.printable(learner)): name, email and reflection answers removed; \
            their attempts are kept as \(anonymousID) for item statistics. Recorded with your OS user and the reason.
            """)
        if !cleared {
            console.line("""
                Another cares session is reading the record store, so the erased data is still in its \
                write-ahead log (\(DiagnosticPrinter.printable(location))-wal). The next cares command to finish \
                after that session ends clears it; run `cares db check` then to clear it now.
                """)
        }
    }
}
