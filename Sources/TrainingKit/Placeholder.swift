import Foundation

/// One `{{…}}` occurrence in a text.
public struct Placeholder: Hashable, Sendable {
    /// The text as written, braces included.
    public var raw: String
    /// The fact key for a well-formed `{{site.key}}`, else nil.
    public var key: String?

    /// Every `{{…}}` in a text, in order.
    public static func scan(_ text: String) -> [Placeholder] {
        var result: [Placeholder] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                let raw = String(rest[open.lowerBound...].prefix(30))
                result.append(Placeholder(raw: raw, key: nil))
                break
            }
            let raw = String(rest[open.lowerBound..<close.upperBound])
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            var key: String?
            if inner.hasPrefix("site.") {
                let name = inner.dropFirst(5)
                if !name.isEmpty, name.unicodeScalars.allSatisfy({
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                }) {
                    key = String(name)
                }
            }
            result.append(Placeholder(raw: raw, key: key))
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// The text with every well-formed placeholder replaced by its fact; unknown ones are left as written.
    public static func fill(_ text: String, facts: [String: String]) -> String {
        guard text.contains("{{") else { return text }
        var result = text
        for placeholder in scan(text) {
            if let key = placeholder.key, let value = facts[key] {
                result = result.replacingOccurrences(of: placeholder.raw, with: value)
            }
        }
        return result
    }
}
