import Foundation
import TrainingKit

/// Finds one module for the trainer commands: by id in the modules folder, or by file path.
struct ModuleLocator {
    let modulesFolder: String
    /// The site file to use instead of the folder's site.yaml, if one was named.
    var siteFile: String?

    /// The module and the facts of its site file; a failure names the errors or the closest id.
    func locate(_ argument: String) throws -> (module: Module, facts: [String: String]) {
        let looksLikePath = argument.contains("/") || argument.hasSuffix(".yaml") || argument.hasSuffix(".yml")
        if looksLikePath || FileManager.default.fileExists(atPath: argument) && !isFolder(argument) {
            guard FileManager.default.fileExists(atPath: argument), !isFolder(argument) else {
                throw CaresFailure.refused("there is no module file \(argument)")
            }
            let set = ModuleCatalog(siteFile: siteFile).load(paths: [argument], fallbackFolder: modulesFolder)
            guard let result = set.results.first, let module = result.module else {
                throw CaresFailure.badData(
                    "\(argument) has errors and cannot be shown", hint: "run: cares validate \(argument)")
            }
            return (module, set.site?.facts ?? [:])
        }
        guard isFolder(modulesFolder) else {
            throw CaresFailure.badData("no modules folder at \(modulesFolder)", hint: "use --modules DIR, set CARES_MODULES, or name a file")
        }
        let set = ModuleCatalog(siteFile: siteFile).load(paths: [modulesFolder])
        if let module = set.module(id: argument) { return (module, set.site?.facts ?? [:]) }
        if let broken = set.results.first(where: { $0.declaredID == argument }) {
            throw CaresFailure.badData(
                "the module '\(argument)' has errors and cannot be shown", hint: "run: cares validate \(broken.path)")
        }
        throw CaresFailure.refused(
            "there is no module '\(argument)' in \(modulesFolder)",
            hint: Suggestion.closest(to: argument, in: set.modules.map(\.id)).map { "Did you mean '\($0)'?" }
                ?? "name a module id (cares list) or a .yaml file")
    }

    private func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
