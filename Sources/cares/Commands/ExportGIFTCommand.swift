import ArgumentParser
import TrainingKit

/// `cares export gift MODULE`: the module's questions in GIFT, for Moodle's question bank.
struct ExportGIFTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gift",
        abstract: "Write a module's questions in GIFT, Moodle's question format.",
        discussion: """
            single, multiple (with percentages), true-false, short and matching questions, per-choice \
            feedback and explanations (as general feedback) are carried. Order and reflection questions \
            are left out; scenario questions are written one by one. Each loss is a warning on standard error.
            """)

    @Argument(help: "A module id in the modules folder, or a module file.", completion: .file(extensions: ["yaml", "yml"]))
    var module: String

    @OptionGroup var options: ModuleOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Keep {{site.KEY}} placeholders instead of filling them from the site file.")
    var keepPlaceholders = false

    func run() async throws {
        let (module, facts) = try ModuleLocator(modulesFolder: options.modulesFolder, siteFile: try options.siteFile).locate(self.module)
        let (text, warnings) = GIFTExporter().export(keepPlaceholders ? module : module.fillingPlaceholders(facts))
        try OutputFile.write(text, to: output)
        let count = text.components(separatedBy: "\n::").count - 1
        WarningPrinter.print(warnings, summary: "Exported \(count) question\(count == 1 ? "" : "s")"
            + (output.map { " to \($0)" } ?? ""))
    }
}
