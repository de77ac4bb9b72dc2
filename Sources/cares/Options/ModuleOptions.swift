import ArgumentParser
import Foundation

/// `--modules DIR` and `--plain`, shared by the commands that read modules.
struct ModuleOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The modules folder (default: $CARES_MODULES, else ./modules).", valueName: "dir"),
        completion: .directory)
    var modules: String?

    @Flag(name: .long, help: "Plain output: no colour, no progress bar.")
    var plain = false

    /// The modules folder to use: the flag, `CARES_MODULES`, the config files, or the default.
    var modulesFolder: String {
        get throws { try CaresConfig.checked(modulesFlag: modules).modules.value }
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
