import ArgumentParser

/// `cares attempts grant --learner L --module M --reason TEXT`.
struct AttemptsGrantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant", abstract: "Give a learner one more attempt at a module in the current period.",
        discussion: "Recorded with the reason, your OS user and the time; shown in the learner's transcript.")

    @OptionGroup var options: SessionOptions

    @Option(help: ArgumentHelp("The module.", valueName: "id"))
    var module: String

    @Option(help: ArgumentHelp("Why (kept for audit).", valueName: "text"))
    var reason: String

    func run() async throws {
        try await CoordinatorActions(options: options).grant(module: module, reason: reason)
    }
}
