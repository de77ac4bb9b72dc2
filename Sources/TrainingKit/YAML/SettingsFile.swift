import Foundation

/// A small YAML file of settings (`key: value` at the top level), read with the same located
/// diagnostics as modules; the YAML reader itself stays internal to TrainingKit.
public struct SettingsFile: Sendable {
    /// What a key's value must be.
    public enum Kind: Sendable {
        case text
        /// `true` or `false`; kept as the text "true" or "false".
        case boolean
        /// Text that only the file's owner may read: refused (with `alternative` as the hint) when
        /// the file is readable by its group or others; its line is never printed.
        case secret(alternative: String)
    }

    /// One setting's value and the line it is on.
    public struct Setting: Hashable, Sendable {
        public var value: String
        public var line: Int
    }

    public let path: String
    /// The settings the file gives, by key.
    public private(set) var values: [String: Setting] = [:]
    /// Every problem in the file; a missing file has none.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Lines that hold a secret: diagnostics there must be printed without the line itself.
    public private(set) var secretLines: Set<Int> = []

    /// Reads the file at `path`; a missing file is empty, not an error. Keys outside `keys` are errors;
    /// a dotted key such as `lrs.endpoint` is the key `endpoint` of a mapping under `lrs`.
    public init(path: String, keys: [(String, Kind)], what: String, limits: YAMLLimits = YAMLLimits(maxFileBytes: 64 << 10, maxDepth: 8)) {
        guard FileManager.default.fileExists(atPath: path) else {
            self.init(path: path, diagnostics: [])
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            self.init(path: path, diagnostics: [Diagnostic(.error, file: path, at: .start, "cannot be read (check its permissions)")])
            return
        }
        self.init(source: SourceText(bytes: [UInt8](data)), path: path, keys: keys, what: what, limits: limits)
    }

    private init(path: String, diagnostics: [Diagnostic]) {
        self.path = path
        self.diagnostics = diagnostics
    }

    /// Reads settings from text already in memory.
    public init(source: SourceText, path: String, keys: [(String, Kind)], what: String, limits: YAMLLimits) {
        self.path = path
        let bag = DiagnosticBag(file: path)
        let decoder = NodeDecoder(bag: bag, source: source, placeholders: PlaceholderChecker(knownFacts: []))
        defer { diagnostics = bag.sorted }
        guard let root = YAMLReader(limits: limits).read(source, into: bag), let map = decoder.mapping(root, what: what)
        else { return }
        var groups: [String: [(String, Kind)]] = [:]
        var topLevel: [String] = []
        for (key, kind) in keys {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            let top = parts[0]
            if !topLevel.contains(top) { topLevel.append(top) }
            if parts.count == 2 { groups[top, default: []].append((parts[1], kind)) }
        }
        map.rejectUnknownKeys(allowed: topLevel)
        for (key, kind) in keys where !key.contains(".") {
            guard let node = map.value(key) else { continue }
            read(node, key: key, kind: kind, decoder: decoder, bag: bag)
        }
        for top in topLevel {
            guard let children = groups[top], let node = map.value(top),
                let group = decoder.mapping(node, what: "'\(top)'")
            else { continue }
            group.rejectUnknownKeys(allowed: children.map(\.0))
            for (child, kind) in children {
                guard let value = group.value(child) else { continue }
                read(value, key: top + "." + child, kind: kind, decoder: decoder, bag: bag)
            }
        }
    }

    private mutating func read(_ node: YAMLNode, key: String, kind: Kind, decoder: NodeDecoder, bag: DiagnosticBag) {
        switch kind {
        case .boolean:
            if let flag = decoder.bool(node, field: key) { values[key] = Setting(value: flag ? "true" : "false", line: node.start.line) }
        case .text:
            if let text = decoder.text(node, field: key) { values[key] = Setting(value: text, line: node.start.line) }
        case .secret(let alternative):
            secretLines.insert(node.start.line)
            let mode = Self.mode(path)
            if mode & 0o077 != 0 {
                bag.error(
                    "\(key) is in a file others can read (mode \(String(mode, radix: 8)))", at: node.start,
                    hint: "run: chmod 600 \(path) — or \(alternative)")
                return
            }
            if let text = decoder.text(node, field: key) { values[key] = Setting(value: text, line: node.start.line) }
        }
    }

    /// The permission bits of a file (0 if it cannot be read).
    static func mode(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Int(info.st_mode) & 0o777
    }
}
