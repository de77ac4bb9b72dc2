import ArgumentParser

/// `cares export`: questions in other systems' formats.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a module's questions for another system.",
        subcommands: [ExportGIFTCommand.self])
}
