import ArgumentParser

/// `cares db`: look after the record store itself.
struct DbCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create, upgrade, check or back up the record store, or copy records between stores.",
        subcommands: [DbMigrateCommand.self, DbCopyCommand.self, DbBackupCommand.self, DbCheckCommand.self])
}
