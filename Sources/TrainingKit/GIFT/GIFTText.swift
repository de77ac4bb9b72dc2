import Foundation

/// Text as GIFT (Moodle's question format) writes it: `~ = # { } :` and `\` escaped with a backslash, newlines as `\n`.
public enum GIFTText {
    static let special: Set<Character> = ["~", "=", "#", "{", "}", ":", "\\"]

    /// Text made safe inside a GIFT question or answer.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\n" || character == "\r\n" {
                result += "\\n"
            } else {
                if special.contains(character) { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }

    /// Text as an exported question or answer: trimmed, then escaped.
    static func exported(_ text: String) -> String {
        escape(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `#feedback` after an answer, or nothing.
    static func feedbackSuffix(_ feedback: String?) -> String {
        feedback.map { "#" + exported($0) } ?? ""
    }

    /// Nil for empty text.
    static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// One character of GIFT source and whether a backslash escaped it.
    struct Unit: Hashable {
        var character: Character
        var escaped: Bool
    }

    /// Splits source into units, resolving `\x` escapes (`\n` becomes a newline).
    static func units(_ text: String) -> [Unit] {
        var result: [Unit] = []
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                result.append(Unit(character: character, escaped: false))
                continue
            }
            guard let next = iterator.next() else {
                result.append(Unit(character: "\\", escaped: false))
                break
            }
            if next == "n" {
                result.append(Unit(character: "\n", escaped: true))
            } else if special.contains(next) {
                result.append(Unit(character: next, escaped: true))
            } else {
                result.append(Unit(character: "\\", escaped: false))
                result.append(Unit(character: next, escaped: false))
            }
        }
        return result
    }

    /// The text of some units, trimmed of surrounding whitespace.
    static func string(_ units: some Collection<Unit>) -> String {
        String(units.map(\.character)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The index of the first unescaped occurrence of `pattern` at or after `start`.
    static func find(_ pattern: String, in units: [Unit], from start: Int = 0) -> Int? {
        let needle = Array(pattern)
        guard !needle.isEmpty, units.count >= needle.count, start <= units.count - needle.count else { return nil }
        for index in start...(units.count - needle.count) {
            var matches = true
            for offset in 0..<needle.count where units[index + offset].escaped || units[index + offset].character != needle[offset] {
                matches = false
                break
            }
            if matches { return index }
        }
        return nil
    }
}
