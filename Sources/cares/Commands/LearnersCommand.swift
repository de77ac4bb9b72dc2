import ArgumentParser

/// `cares learners import|list`: the staff roster.
struct LearnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learners", abstract: "Import the staff roster, or list the learners on record.",
        subcommands: [LearnersImportCommand.self, LearnersListCommand.self])
}
