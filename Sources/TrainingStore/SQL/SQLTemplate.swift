/// Expands the `{TOKEN}` placeholders of statements and migrations in one pass over the UTF-8 bytes.
///
/// Replaces Foundation's `replacingOccurrences` (and a regular expression), which made opening a
/// store spend milliseconds on ICU before any SQL ran.
enum SQLTemplate {
    /// `template` with each `{inner}` for which `replacement(inner)` is not nil replaced by it; other
    /// text, including unknown or unclosed braces, kept as it is.
    static func expand(_ template: String, _ replacement: (Substring) -> String?) -> String {
        let bytes = Array(template.utf8)
        guard bytes.contains(0x7B) else { return template }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x7B, let close = bytes[(index + 1)...].firstIndex(of: 0x7D),
                let text = replacement(Substring(String(decoding: bytes[(index + 1)..<close], as: UTF8.self)))
            {
                result.append(contentsOf: text.utf8)
                index = close + 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
