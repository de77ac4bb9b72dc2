import Foundation
import TrainingKit

/// A `config.yaml` of cares (the user's or the system's), read with located errors like modules.
struct ConfigFile: Sendable {
    /// The keys a config file may set.
    static let keys = ["modules", "database", "site", "xapi_home_page", "remember_learner"]

    let path: String
    /// Each key's value and the line it is on.
    var values: [String: (value: String, line: Int)] = [:]
    var diagnostics: [Diagnostic] = []

    /// Reads a config file; a missing file is empty, not an error.
    init(path: String) {
        self.path = path
        let file = SettingsFile(
            path: path, keys: Self.keys.map { ($0, $0 == "remember_learner" ? .boolean : .text) }, what: "the config file")
        values = file.values.mapValues { ($0.value, $0.line) }
        diagnostics = file.diagnostics
    }
}
