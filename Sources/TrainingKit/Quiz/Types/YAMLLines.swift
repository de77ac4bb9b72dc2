/// Lines of YAML being written: block structure, every text a double-quoted scalar escaped as in JSON.
struct YAMLLines {
    private(set) var lines: [String] = []

    /// Appends a line at an indent.
    mutating func append(_ line: String, indent: Int) {
        lines.append(String(repeating: " ", count: indent) + line)
    }

    /// `key: "value"`, when there is a value.
    mutating func text(_ key: String, _ value: String?, indent: Int) {
        if let value { append(key + ": " + JSONValue.quoted(value), indent: indent) }
    }

    /// `key:` and one `- "text"` line per item.
    mutating func list(_ key: String, _ values: [String], indent: Int) {
        append(key + ":", indent: indent)
        for value in values { append("- " + JSONValue.quoted(value), indent: indent + 2) }
    }
}
