import ArgumentParser
import Foundation
import TrainingKit

/// `cares import gift FILE`: a module made from GIFT questions, with TODO markers where GIFT has nothing.
struct ImportGIFTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gift",
        abstract: "Make a module (YAML) from questions in GIFT, Moodle's question format.",
        discussion: """
            Fields GIFT cannot carry (summary, sources, lessons, objective texts) are filled with values \
            starting 'TODO:'. Questions that do not map (essay, numerical, descriptions) are left out with \
            a warning on standard error. An existing output file is never overwritten.
            """)

    @Argument(help: "The GIFT file.", completion: .file(extensions: ["gift", "txt"]))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the module here (default: standard output).", valueName: "file.yaml"))
    var output: String?

    @Option(help: ArgumentHelp("The module id (default: from the GIFT category or the file name).", valueName: "id"))
    var id: String?

    @OptionGroup var options: ModuleOptions

    func validate() throws {
        if let id, !KebabCase.isValid(id) {
            throw ValidationError("--id '\(id)' is not kebab-case; try '\(KebabCase.suggestion(for: id))'")
        }
    }

    func run() async throws {
        let source = try GIFTSource.read(file)
        let result: GIFTImporter.Result
        switch GIFTImporter().read(source, path: file, id: id) {
        case .success(let value): result = value
        case .failure(let failure):
            WarningPrinter.print(failure.warnings, summary: nil)
            throw CaresFailure.badData(failure.message, hint: "a GIFT question looks like ::id::Text{=right ~wrong}")
        }
        let yaml = ModuleYAMLWriter(header: [
            "Imported from \((file as NSString).lastPathComponent) by cares import gift.",
            "Replace every \"TODO:\" value before learners see this module, then run: cares validate --strict",
        ]).text(result.module)
        let site = ModuleCatalog.siteFile(in: try options.modulesFolder).flatMap { ModuleLoader().loadSite(at: $0).site }
        let check = ModuleLoader().loadModule(source: SourceText(yaml), path: output ?? "(the imported module)", site: site)
        try OutputFile.write(yaml, to: output, overwrite: false)
        WarningPrinter.print(result.warnings, summary: "Imported \(result.imported) question\(result.imported == 1 ? "" : "s")"
            + (result.skipped > 0 ? ", left out \(result.skipped)" : "") + (output.map { " into \($0)" } ?? ""))
        let errors = check.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            WarningPrinter.print(errors, summary: nil)
            throw CaresFailure.badData(
                "the imported module has \(errors.count) error\(errors.count == 1 ? "" : "s") to fix by hand",
                hint: output.map { "run: cares validate \($0)" })
        }
    }
}

/// Reads a GIFT file as UTF-8 within the module size limit.
enum GIFTSource {
    static func read(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CaresFailure.refused("there is no file \(path)")
        }
        // Reading a FIFO would wait for a writer for ever: only regular files (or links to them).
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw CaresFailure.refused("\(path) is not a regular file (a FIFO or a device); cares reads only files")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CaresFailure.refused("\(path) cannot be read (check its permissions)")
        }
        guard data.count <= YAMLLimits.default.maxFileBytes else {
            throw CaresFailure.badData("\(path) is \(data.count) bytes; the limit is \(YAMLLimits.default.maxFileBytes)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CaresFailure.badData("\(path) is not UTF-8 text", hint: "save it as UTF-8 (Moodle exports GIFT as UTF-8)")
        }
        return text
    }
}
