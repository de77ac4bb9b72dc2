import ArgumentParser

/// `cares attempts grant|void`: coordinators' corrections, each recorded with a reason.
struct AttemptsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attempts", abstract: "Grant a learner one more attempt, or void an attempt; both need a reason.",
        subcommands: [AttemptsGrantCommand.self, AttemptsVoidCommand.self])
}
