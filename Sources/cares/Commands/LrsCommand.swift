import ArgumentParser

/// `cares lrs`: a Learning Record Store.
struct LrsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lrs", abstract: "Send xAPI statements to a Learning Record Store.", subcommands: [LrsPushCommand.self])
}
