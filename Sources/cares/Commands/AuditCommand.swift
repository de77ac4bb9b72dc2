import ArgumentParser
import Foundation
import TrainingKit

/// `cares audit`: play each module's quiz with test-wise strategies and say whether it can be gamed.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Play each quiz with test-wise strategies (longest option, \"false\", tick all …) and report pass rates.",
        discussion: """
            Each strategy answers every seeded draw (seeds 1…N) through the real quiz engine; nothing is recorded. \
            Exits 1 when any module's best strategy passes more than 5% of draws, 65 when a module has errors.
            """)

    /// How to print the figures.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Module files or folders (default: the modules folder).", completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []

    @OptionGroup var options: ModuleOptions

    @Option(help: ArgumentHelp("Seeded draws per module and strategy.", valueName: "n"))
    var runs: Int = QuizAudit.defaultRuns

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        guard (1...100_000).contains(runs) else { throw ValidationError("--runs must be between 1 and 100000") }
    }

    func run() async throws {
        let report = AuditReport(audits: QuizAudit(runs: runs).audit(try loadModules()))
        print(format == .json ? report.json() : report.text(terminal: .standardOutput(plain: options.plain)))
        if report.failed { throw ExitCode(1) }
    }

    /// The modules under the paths, placeholders filled from the site file; refuses when a module has errors.
    private func loadModules() throws -> [Module] {
        let folder = try options.modulesFolder
        if let missing = (paths.isEmpty ? [folder] : paths).first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            throw CaresFailure.refused("there is no file or folder \(missing)", hint: "name module files or a folder of them")
        }
        let set = ModuleCatalog(loader: ModuleLoader(hashesContent: false)).load(paths: paths.isEmpty ? [folder] : paths, fallbackFolder: folder)
        if let broken = set.results.first(where: { $0.module == nil }) {
            throw CaresFailure.badData("\(broken.path) has errors, so its quiz cannot be played", hint: "run: cares validate \(broken.path)")
        }
        guard !set.results.isEmpty else {
            throw CaresFailure.badData("no module files in \(paths.isEmpty ? folder : paths.joined(separator: " "))", hint: "name .yaml files or a folder of them")
        }
        let facts = set.site?.facts ?? [:]
        return set.modules.map { $0.fillingPlaceholders(facts) }
    }
}
