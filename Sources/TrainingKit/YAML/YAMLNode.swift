/// A YAML node with the place it came from, so that every later diagnostic can point at it.
struct YAMLNode: Sendable {
    /// The content of a node.
    enum Value: Sendable {
        case scalar(String, YAMLScalarStyle)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    var value: Value
    var start: SourceLocation
    var end: SourceLocation
    /// Whether a mapping or sequence was written in flow style (`{…}` or `[…]`).
    var isFlow: Bool

    init(_ value: Value, start: SourceLocation, end: SourceLocation, isFlow: Bool = false) {
        self.value = value
        self.start = start
        self.end = end
        self.isFlow = isFlow
    }

    /// A word for the node's kind, for messages such as "expected text, found a list".
    var kindDescription: String {
        switch value {
        case .scalar: return "a value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The scalar text if this node is a scalar.
    var scalarText: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// Whether this is a plain scalar that the YAML 1.2 core schema reads as null (`~`, `null` or nothing).
    var isNull: Bool {
        guard case .scalar(let text, let style) = value, style.isPlain else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}
