import ArgumentParser
import Foundation
import TrainingKit

/// `cares validate`: check module and site files and report every problem at once.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check modules and the site file; print every problem with file:line:column.",
        discussion: "Exits 0 when there are no errors (or, with --strict, no warnings), else 1."
    )

    /// How to print the findings.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Module files or folders (default: the modules folder).", completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []

    @OptionGroup var options: ModuleOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Warn about lessons that read above this Flesch–Kincaid grade.", valueName: "grade"))
    var maxGrade: Double = ModuleLinter.defaultMaxGrade

    func validate() throws {
        guard maxGrade > 0, maxGrade <= 30 else { throw ValidationError("--max-grade must be between 1 and 30") }
    }

    func run() async throws {
        try check()
    }

    private func check() throws {
        let folder = try options.modulesFolder
        var timings = PhaseTimings(enabled: ProcessInfo.processInfo.environment["CARES_TIMINGS"] == "1")
        let loaded = ModuleCatalog(loader: ModuleLoader(hashesContent: false), siteFile: try options.siteFile)
            .load(paths: paths.isEmpty ? [folder] : paths, fallbackFolder: folder)
        timings.end("load")
        let linted = loaded.linted(with: ModuleLinter(maxGrade: maxGrade))
        timings.end("lint")
        let set = linted.audited()
        timings.end("audit")
        defer { timings.end("report"); timings.print() }
        let report = ValidationReport(set: set, strict: strict)
        let output: String
        switch format {
        case .text: output = report.text(terminal: .standardOutput(plain: options.plain))
        case .json: output = report.json()
        }
        print(output)
        if report.failed { throw ExitCode(1) }
    }
}
