import ArgumentParser

/// `cares review MODULE`: the learner's last finished attempt, with every answer, the right answers and the feedback.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review your last finished attempt at a module: your answers, the right answers and the feedback.",
        discussion: "Refused while an attempt at the module is in progress (finish it with `cares resume`).")

    @Argument(help: "The module id (see `cares list`).")
    var module: String

    @OptionGroup var options: SessionOptions

    func run() async throws {
        try await LearnerSession.run(options) { context, runner in
            try await runner.review(try context.module(module))
        }
    }
}
