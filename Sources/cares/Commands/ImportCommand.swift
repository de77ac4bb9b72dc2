import ArgumentParser

/// `cares import`: modules from other systems' formats.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Make a module from questions written for another system.",
        subcommands: [ImportGIFTCommand.self])
}
