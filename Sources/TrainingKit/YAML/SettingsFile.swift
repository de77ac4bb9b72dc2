import Foundation

/// A small YAML file of settings (`key: value` at the top level), read with the same located
/// diagnostics as modules; the YAML reader itself stays internal to TrainingKit.
public struct SettingsFile: Sendable {
    /// What a key's value must be.
    public enum Kind: Sendable {
        case text
        /// `true` or `false`; kept as the text "true" or "false".
        case boolean
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

    /// Reads the file at `path`; a missing file is empty, not an error. Keys outside `keys` are errors.
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
        map.rejectUnknownKeys(allowed: keys.map(\.0))
        for (key, kind) in keys {
            guard let node = map.value(key) else { continue }
            switch kind {
            case .boolean:
                if let flag = decoder.bool(node, field: key) { values[key] = Setting(value: flag ? "true" : "false", line: node.start.line) }
            case .text:
                if let text = decoder.text(node, field: key) { values[key] = Setting(value: text, line: node.start.line) }
            }
        }
    }
}
