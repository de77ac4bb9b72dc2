import Foundation
import TrainingKit

/// The effective settings, in layers: flags > `CARES_*` environment > the user's config file >
/// the system's config file > built-in defaults.
struct CaresConfig {
    static var systemFile: String {
        ProcessInfo.processInfo.environment["CARES_SYSTEM_CONFIG"] ?? "/etc/cares/config.yaml"
    }

    static var userFile: String { XDGPaths.configHome.appendingPathComponent("cares/config.yaml").path }

    /// The user's and the system's config files, read once per process.
    private static let loadedFiles = [ConfigFile(path: userFile), ConfigFile(path: systemFile)]

    let files: [ConfigFile]
    var modules: ConfigValue
    var database: ConfigValue
    var xapiHomePage: ConfigValue?
    /// A site file to use instead of the modules folder's site.yaml; nil: that one.
    var site: ConfigValue?
    var rememberLearner: ConfigValue
    var lrsEndpoint: ConfigValue?
    var lrsUsername: ConfigValue?
    /// The LRS password: `CARES_LRS_PASSWORD` or a 0600 config file, never a flag; never printed.
    var lrsPassword: ConfigValue?

    /// Every problem in the config files.
    var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }

    /// Resolves every setting from the flags given (nil when not given) and the environment.
    init(
        modulesFlag: String? = nil, databaseFlag: String? = nil, homePageFlag: String? = nil, siteFlag: String? = nil,
        endpointFlag: String? = nil
    ) {
        let environment = ProcessInfo.processInfo.environment
        let loaded = Self.loadedFiles
        files = loaded
        func resolve(_ key: String, flag: (String?, String), env: String?, fallback: () -> String?) -> ConfigValue? {
            if let value = flag.0 { return ConfigValue(value: value, source: .flag(flag.1)) }
            if let env, let value = environment[env], !value.isEmpty {
                return ConfigValue(value: value, source: .environment(env))
            }
            for file in loaded {
                if let (value, line) = file.values[key] { return ConfigValue(value: value, source: .file(file.path, line: line)) }
            }
            return fallback().map { ConfigValue(value: $0, source: .builtIn) }
        }
        modules = resolve("modules", flag: (modulesFlag, "--modules"), env: "CARES_MODULES") {
            ModuleOptions.defaultModulesFolder()
        } ?? ConfigValue(value: "modules", source: .builtIn)
        database = resolve("database", flag: (databaseFlag, "--database"), env: "CARES_DATABASE") {
            XDGPaths.dataHome.appendingPathComponent("cares/cares.sqlite").path
        } ?? ConfigValue(value: "", source: .builtIn)
        site = resolve("site", flag: (siteFlag, "--site"), env: "CARES_SITE") { nil }
        xapiHomePage = resolve("xapi_home_page", flag: (homePageFlag, "--home-page"), env: "CARES_XAPI_HOME_PAGE") { nil }
        rememberLearner = resolve("remember_learner", flag: (nil, ""), env: "CARES_REMEMBER_LEARNER") { "true" }
            ?? ConfigValue(value: "true", source: .builtIn)
        lrsEndpoint = resolve("lrs.endpoint", flag: (endpointFlag, "--endpoint"), env: "CARES_LRS_ENDPOINT") { nil }
        lrsUsername = resolve("lrs.username", flag: (nil, ""), env: "CARES_LRS_USERNAME") { nil }
        lrsPassword = resolve("lrs.password", flag: (nil, ""), env: "CARES_LRS_PASSWORD") { nil }
    }

    /// The settings, or a failure listing every problem in the config files (exit 65).
    static func checked(
        modulesFlag: String? = nil, databaseFlag: String? = nil, homePageFlag: String? = nil, siteFlag: String? = nil,
        endpointFlag: String? = nil
    ) throws -> CaresConfig {
        for (flag, value) in [
            ("--modules", modulesFlag), ("--database", databaseFlag), ("--home-page", homePageFlag), ("--site", siteFlag),
            ("--endpoint", endpointFlag),
        ] where value?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            throw CaresFailure(message: "\(flag) is empty", hint: "give it a value, or leave it out to use the configured one", exitCode: 64)
        }
        let config = CaresConfig(
            modulesFlag: modulesFlag, databaseFlag: databaseFlag, homePageFlag: homePageFlag, siteFlag: siteFlag,
            endpointFlag: endpointFlag)
        let errors = config.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            var printer = DiagnosticPrinter(terminal: Terminal(useColour: false, width: 80))
            throw CaresFailure.badData(
                "the configuration has \(errors.count) error\(errors.count == 1 ? "" : "s"):\n"
                    + errors.map { config.isSecret($0) ? Self.withoutSource($0) : printer.render($0) }.joined(separator: "\n"),
                hint: "fix the file, or see: cares config show")
        }
        return config
    }

    /// Whether a diagnostic sits on a line that holds a secret (its source line must not be printed).
    func isSecret(_ diagnostic: Diagnostic) -> Bool {
        files.contains { $0.path == diagnostic.file && $0.secretLines.contains(diagnostic.location.line) }
    }

    /// A diagnostic's headline and hint, without the source line.
    static func withoutSource(_ diagnostic: Diagnostic) -> String {
        DiagnosticPrinter.printable(diagnostic.headline) + (diagnostic.hint.map { "\n  hint: " + DiagnosticPrinter.printable($0) } ?? "")
    }

    /// A database location safe to print: the password in a URL replaced by `***`.
    static func masked(_ location: String) -> String {
        guard location.contains("://"), let at = location.lastIndex(of: "@"),
            let scheme = location.range(of: "://")
        else { return location }
        let credentials = location[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return location }
        return String(location[..<credentials.index(after: colon)]) + "***" + String(location[at...])
    }
}
