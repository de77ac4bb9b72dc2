import Foundation
import TrainingKit

/// A `config.yaml` of cares (the user's or the system's), read with located errors like modules.
struct ConfigFile {
    /// The keys a config file may set.
    static let keys = ["modules", "database", "xapi_home_page", "remember_learner"]

    let path: String
    /// Each key's value and the line it is on.
    var values: [String: (value: String, line: Int)] = [:]
    var diagnostics: [Diagnostic] = []

    /// Reads a config file; a missing file is empty, not an error.
    init(path: String) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics = [Diagnostic(.error, file: path, at: .start, "cannot be read (check its permissions)")]
            return
        }
        let source = SourceText(bytes: [UInt8](data))
        let bag = DiagnosticBag(file: path)
        let decoder = NodeDecoder(bag: bag, source: source, placeholders: PlaceholderChecker(knownFacts: []))
        defer { diagnostics = bag.sorted }
        guard let root = YAMLReader(limits: YAMLLimits(maxFileBytes: 64 << 10, maxDepth: 8)).read(source, into: bag),
            let map = decoder.mapping(root, what: "the config file")
        else { return }
        map.rejectUnknownKeys(allowed: Self.keys)
        for key in Self.keys {
            guard let node = map.value(key) else { continue }
            if key == "remember_learner" {
                if let flag = decoder.bool(node, field: key) { values[key] = (flag ? "true" : "false", node.start.line) }
            } else if let text = decoder.text(node, field: key) {
                values[key] = (text, node.start.line)
            }
        }
    }
}
