import ArgumentParser

/// `cares config`: the effective configuration.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show the effective configuration.", subcommands: [ConfigShowCommand.self],
        defaultSubcommand: ConfigShowCommand.self)
}
