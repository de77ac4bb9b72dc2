import ArgumentParser

/// `cares config show`: every setting, its value and where it came from (passwords masked).
struct ConfigShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print each setting, its effective value and where it came from.",
        discussion: "Precedence: flags > CARES_* environment > $XDG_CONFIG_HOME/cares/config.yaml > /etc/cares/config.yaml > defaults.")

    @OptionGroup var options: SessionOptions

    func run() async throws {
        let config = try CaresConfig.checked(
            modulesFlag: options.moduleOptions.modules, databaseFlag: options.database, siteFlag: options.moduleOptions.site)
        print(ConfigReport(config: config).text)
    }
}
