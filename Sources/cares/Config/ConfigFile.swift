import Foundation
import TrainingKit

/// A `config.yaml` of cares (the user's or the system's), read with located errors like modules.
struct ConfigFile: Sendable {
    /// The keys a config file may set (`lrs` is a mapping of `lrsKeys`).
    static let keys = ["modules", "database", "site", "xapi_home_page", "remember_learner", "lrs"]
    /// The keys of the `lrs:` mapping, stored as `lrs.KEY`.
    static let lrsKeys = ["endpoint", "username", "password"]

    let path: String
    /// Each key's value and the line it is on.
    var values: [String: (value: String, line: Int)] = [:]
    var diagnostics: [Diagnostic] = []
    /// Lines that hold a secret: diagnostics there are printed without the line itself.
    var secretLines: Set<Int> = []

    /// Reads a config file; a missing file is empty, not an error. `lrs.password` is accepted only
    /// in a file no one else can read (mode 0600 or stricter).
    init(path: String) {
        self.path = path
        let settings: [(String, SettingsFile.Kind)] = Self.keys.flatMap { key -> [(String, SettingsFile.Kind)] in
            switch key {
            case "remember_learner": return [(key, .boolean)]
            case "lrs":
                return Self.lrsKeys.map { child in
                    ("lrs.\(child)", child == "password" ? .secret(alternative: "set CARES_LRS_PASSWORD instead") : .text)
                }
            default: return [(key, .text)]
            }
        }
        let file = SettingsFile(path: path, keys: settings, what: "the config file")
        values = file.values.mapValues { ($0.value, $0.line) }
        diagnostics = file.diagnostics
        secretLines = file.secretLines
    }
}
