import ArgumentParser
import Foundation
import TrainingKit

/// `--modules DIR` and `--plain`, shared by the commands that read modules.
struct ModuleOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The modules folder (default: $CARES_MODULES, else ./modules).", valueName: "dir"),
        completion: .directory)
    var modules: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A site file to use instead of the modules folder's site.yaml (default: $CARES_SITE, else site.yaml).",
            valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var site: String?

    @Flag(name: .long, help: "Plain output: no colour, no progress bar.")
    var plain = false

    /// The modules folder to use: the flag, `CARES_MODULES`, the config files, or the default.
    var modulesFolder: String {
        get throws { try CaresConfig.checked(modulesFlag: modules).modules.value }
    }

    /// The site file named by the flag, `CARES_SITE` or the config files; nil: the modules folder's site.yaml.
    var siteFile: String? {
        get throws { try CaresConfig.checked(siteFlag: site).site?.value }
    }

    /// Reads modules with the configured site file.
    var catalog: ModuleCatalog {
        get throws { ModuleCatalog(siteFile: try siteFile) }
    }

    /// `./modules` when it exists, else the folder installed beside the binary, else `./modules`.
    static func defaultModulesFolder() -> String {
        let local = "modules"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory), isDirectory.boolValue {
            return local
        }
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "cares"))
            .resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/cares/modules").path
        if FileManager.default.fileExists(atPath: installed) { return installed }
        return local
    }
}
