import ArgumentParser
import TrainingKit

/// `cares schema`: the JSON Schema of the module format, for editors with the YAML language server.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the module format, for editor completion and checks.",
        discussion: """
            Add '# yaml-language-server: $schema=PATH/module.schema.json' as the first line of a module. \
            The schema checks structure; run cares validate for everything else.
            """)

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        try OutputFile.write(ModuleSchema.text, to: output)
    }
}
