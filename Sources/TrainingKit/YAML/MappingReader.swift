/// Reads the keys of one YAML mapping and reports keys that were never asked for.
final class MappingReader {
    let node: YAMLNode
    let what: String
    let decoder: NodeDecoder
    /// Keys, values and key nodes in order; mappings are small, so a linear search beats hashing.
    private var entries: [(key: String, value: YAMLNode, keyNode: YAMLNode)] = []

    init(node: YAMLNode, pairs: [YAMLPair], what: String, decoder: NodeDecoder) {
        self.node = node
        self.what = what
        self.decoder = decoder
        for pair in pairs {
            guard let key = pair.key.scalarText else {
                if pair.key.isFlow, decoder.source.find("{{", from: pair.key.start, throughLine: pair.key.start.line) != nil {
                    // `key: {{site.x}}`: the outer value reports the quoting hint.
                    continue
                }
                decoder.bag.error("a key must be plain text, not \(pair.key.kindDescription)", at: pair.key.start)
                continue
            }
            entries.append((key, pair.value, pair.key))
        }
    }

    /// Whether the mapping has this key.
    func has(_ key: String) -> Bool { raw(key) != nil }

    /// Where a key itself is written, if the mapping has it.
    func keyLocation(_ key: String) -> SourceLocation? {
        entries.first { $0.key == key }?.keyNode.start
    }

    /// The value node of a key, treating an explicit null as absent.
    func value(_ key: String) -> YAMLNode? {
        guard let value = raw(key), !value.isNull else { return nil }
        return value
    }

    /// The value node of a key as written, null included.
    private func raw(_ key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.value
    }

    /// The value node of a required key, or an error at the mapping.
    func required(_ key: String) -> YAMLNode? {
        if let value = value(key) { return value }
        if let present = raw(key) {
            decoder.bag.error("'\(key)' is empty", at: present.start, hint: "give \(what) a \(key)")
        } else {
            decoder.bag.error("\(what) has no '\(key)'", at: node.start, hint: "add '\(key): …'")
        }
        return nil
    }

    /// Required, non-blank text.
    func requiredText(_ key: String) -> String? {
        guard let node = required(key), let text = decoder.text(node, field: key) else { return nil }
        if text.isBlank {
            decoder.bag.error("'\(key)' is blank", at: node.start, hint: "give \(what) a \(key)")
            return nil
        }
        return text
    }

    /// Optional text; blank text counts as absent.
    func optionalText(_ key: String) -> String? {
        guard let node = value(key), let text = decoder.text(node, field: key) else { return nil }
        return text.isBlank ? nil : text
    }

    func optionalInt(_ key: String, in range: ClosedRange<Int>) -> Int? {
        value(key).flatMap { decoder.int($0, field: key, in: range) }
    }

    func optionalBool(_ key: String) -> Bool? {
        value(key).flatMap { decoder.bool($0, field: key) }
    }

    /// Reports every key not in `allowed`, with a suggestion; `misplaced` explains keys that belong
    /// elsewhere (asked only for a key that is not allowed, so the reasons cost nothing in a good file).
    func rejectUnknownKeys(allowed: [String], misplaced: (String) -> String? = { _ in nil }) {
        for (key, _, keyNode) in entries where !allowed.contains(key) {
            if decoder.bag.isFull { return }
            if let reason = misplaced(key) {
                decoder.bag.error("'\(key)' does not belong here: \(reason)", at: keyNode.start, length: key.count)
            } else {
                decoder.bag.error(
                    "unknown key '\(key)' in \(what)", at: keyNode.start, length: key.count,
                    hint: Suggestion.hint(for: key, in: allowed) ?? "allowed keys: \(allowed.joined(separator: ", "))")
            }
        }
    }
}
