import Foundation
import TrainingKit

/// A `config.yaml` of cares (the user's or the system's), read with located errors like modules.
struct ConfigFile {
    /// The keys a config file may set.
    static let keys = ["modules", "database", "xapi_home_page", "remember_learner", "lrs"]
    /// The keys of the `lrs:` mapping, stored as `lrs.KEY`.
    static let lrsKeys = ["endpoint", "username", "password"]

    let path: String
    /// Each key's value and the line it is on.
    var values: [String: (value: String, line: Int)] = [:]
    var diagnostics: [Diagnostic] = []
    /// Lines that hold a secret: diagnostics there are printed without the line itself.
    var secretLines: Set<Int> = []

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
            if key == "lrs" {
                readLRS(node, decoder: decoder, bag: bag)
            } else if key == "remember_learner" {
                if let flag = decoder.bool(node, field: key) { values[key] = (flag ? "true" : "false", node.start.line) }
            } else if let text = decoder.text(node, field: key) {
                values[key] = (text, node.start.line)
            }
        }
    }

    /// The `lrs:` mapping; a password only in a file no one else can read (mode 0600 or stricter).
    private mutating func readLRS(_ node: YAMLNode, decoder: NodeDecoder, bag: DiagnosticBag) {
        guard let lrs = decoder.mapping(node, what: "'lrs'") else { return }
        lrs.rejectUnknownKeys(allowed: Self.lrsKeys)
        for key in Self.lrsKeys {
            guard let value = lrs.value(key) else { continue }
            if key == "password" {
                secretLines.insert(value.start.line)
                let mode = Self.mode(path)
                if mode & 0o077 != 0 {
                    bag.error(
                        "lrs.password is in a file others can read (mode \(String(mode, radix: 8)))", at: value.start,
                        hint: "run: chmod 600 \(path) — or set CARES_LRS_PASSWORD instead")
                    continue
                }
            }
            if let text = decoder.text(value, field: "lrs.\(key)") { values["lrs.\(key)"] = (text, value.start.line) }
        }
    }

    /// The permission bits of a file (0 if it cannot be read).
    static func mode(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Int(info.st_mode) & 0o777
    }
}
