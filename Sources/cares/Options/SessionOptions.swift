import ArgumentParser
import Foundation

/// Options of the commands that use the record store: the modules folder, the database and the learner.
struct SessionOptions: ParsableArguments {
    @OptionGroup var moduleOptions: ModuleOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The record store: a SQLite file path or a postgres:// URL "
                + "(default: $CARES_DATABASE, else $XDG_DATA_HOME/cares/cares.sqlite).",
            valueName: "path-or-url"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp("Your staff ID (default: $CARES_LEARNER, else the remembered one).", valueName: "id"))
    var learner: String?

    var modulesFolder: String { get throws { try moduleOptions.modulesFolder } }

    /// `modulesFolder`, which must be an existing folder (for commands that use the whole folder).
    var existingModulesFolder: String {
        get throws {
            let folder = try modulesFolder
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CaresFailure.badData("no modules folder at \(folder)", hint: "use --modules DIR or set CARES_MODULES")
            }
            return folder
        }
    }
    var plain: Bool { moduleOptions.plain }

    /// The record store: the flag, `CARES_DATABASE`, the config files, or the default file.
    var databaseLocation: String {
        get throws { try CaresConfig.checked(databaseFlag: database).database.value }
    }

    /// The database location for a `--database`-style value: the value itself, else the configured one.
    static func databaseLocation(flag: String?) throws -> String {
        try CaresConfig.checked(databaseFlag: flag).database.value
    }
}
