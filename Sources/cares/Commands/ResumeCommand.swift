import ArgumentParser

/// `cares resume [MODULE]`: continue an unfinished attempt at the next unanswered question.
struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue an unfinished attempt where you left off.",
        discussion: "With several unfinished attempts and no MODULE, lists them and asks which.")

    @Argument(help: "The module to resume (optional).")
    var module: String?

    @OptionGroup var options: SessionOptions

    func run() async throws {
        try await LearnerSession.run(options) { context, runner in
            try await ResumeChooser(context: context, runner: runner).resume(module)
        }
    }
}
