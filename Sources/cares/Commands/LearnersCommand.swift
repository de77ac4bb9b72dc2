import ArgumentParser

/// `cares learners import|list`: the staff roster.
struct LearnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learners", abstract: "Import the staff roster, list the learners, deactivate one who left, or erase one.",
        subcommands: [LearnersImportCommand.self, LearnersListCommand.self, LearnersDeactivateCommand.self, LearnersRemoveCommand.self])
}
