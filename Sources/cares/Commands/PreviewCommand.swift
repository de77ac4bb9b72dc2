import ArgumentParser
import TrainingKit

/// `cares preview MODULE`: the whole module with its answers, for trainers and clinical reviewers.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show every lesson and question of a module with the answers, feedback and explanations.",
        discussion: "Site placeholders are filled from the site file. Nothing is recorded; no record store is opened.")

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html
    }

    @Argument(help: "A module id in the modules folder, or a module file.", completion: .file(extensions: ["yaml", "yml"]))
    var module: String

    @OptionGroup var options: ModuleOptions

    @Option(help: "Output format: text, markdown or html.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        let (module, facts) = try ModuleLocator(modulesFolder: options.modulesFolder, siteFile: try options.siteFile).locate(self.module)
        try OutputFile.write(render(module.fillingPlaceholders(facts), facts: facts), to: output)
    }

    private func render(_ module: Module, facts: [String: String]) -> String {
        let grades = ModuleLinter.readability(of: module, facts: facts).map(\.reading)
        let document = PreviewDocument(module: module, readability: grades)
        switch format {
        case .markdown: return MarkdownPreviewRenderer().render(document)
        case .html: return HTMLPreviewRenderer().render(document)
        case .text:
            let toFile = output != nil && output != "-"
            let terminal = toFile ? Terminal(useColour: false, width: 80) : .standardOutput(plain: options.plain)
            return TextPreviewRenderer(width: max(40, min(terminal.width, 100)) - 1, terminal: terminal).render(document)
        }
    }
}
