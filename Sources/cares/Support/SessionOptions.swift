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

    var modulesFolder: String { moduleOptions.modulesFolder }
    var plain: Bool { moduleOptions.plain }

    /// The database location after the flag, the environment and the default.
    var databaseLocation: String { Self.databaseLocation(flag: database) }

    /// The database location after a `--database` value, `CARES_DATABASE` and the default.
    static func databaseLocation(flag: String?) -> String {
        if let flag { return flag }
        if let value = ProcessInfo.processInfo.environment["CARES_DATABASE"], !value.isEmpty { return value }
        return XDGPaths.dataHome.appendingPathComponent("cares/cares.sqlite").path
    }
}
