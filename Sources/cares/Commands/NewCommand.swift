import ArgumentParser
import Foundation
import TrainingKit

/// `cares new MODULE-ID`: a commented module to start from, with every question type and a scenario.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a commented starting module that validates and shows every question type.",
        discussion: "Writes DIR/MODULE-ID.yaml (DIR: --output, else the modules folder). An existing file is never overwritten.")

    @Argument(help: "The new module's id: kebab-case, e.g. discharge-planning.")
    var moduleID: String

    @Option(help: "The module's title (default: made from the id).")
    var title: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write into (default: the modules folder).", valueName: "dir"), completion: .directory)
    var output: String?

    @OptionGroup var options: ModuleOptions

    func validate() throws {
        guard KebabCase.isValid(moduleID) else {
            let suggestion = KebabCase.suggestion(for: moduleID)
            throw ValidationError(
                "'\(moduleID)' is not kebab-case (a-z, 0-9 and single hyphens, at most 64 characters)"
                    + (suggestion.isEmpty ? "" : "; try '\(suggestion)'"))
        }
        if let title, title.allSatisfy(\.isWhitespace) { throw ValidationError("--title is blank") }
    }

    func run() async throws {
        let folder = try output ?? options.modulesFolder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CaresFailure.refused("there is no folder \(folder)", hint: "create it first, or use --output DIR")
        }
        let path = (folder as NSString).appendingPathComponent(moduleID + ".yaml")
        let text = ModuleScaffold.text(id: moduleID, title: title ?? defaultTitle)
        try OutputFile.write(text, to: path, overwrite: false)
        print("Wrote \(path). Next: edit it, then run cares validate --strict \(path)")
    }

    private var defaultTitle: String {
        let words = moduleID.split(separator: "-").map(String.init)
        guard let first = words.first else { return moduleID }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }
}
