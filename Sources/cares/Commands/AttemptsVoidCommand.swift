import ArgumentParser

/// `cares attempts void ATTEMPT-ID --reason TEXT`.
struct AttemptsVoidCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void", abstract: "Cancel an attempt: it no longer counts as a pass, a fail or an attempt used.",
        discussion: "Attempt ids are in `cares report attempts` and `cares report transcript`. Recorded with the reason, your OS user and the time.")

    @Argument(help: "The attempt id (a UUID).")
    var attempt: String

    @OptionGroup var options: SessionOptions

    @Option(help: ArgumentHelp("Why (kept for audit).", valueName: "text"))
    var reason: String

    func run() async throws {
        try await CoordinatorActions(options: options).void(attempt: attempt, reason: reason)
    }
}
