/// Text from input made safe to echo in a message: control and invisible formatting characters
/// (newlines, escape sequences, U+202E and other bidirectional overrides) escaped, and cut short.
public enum ShownText {
    /// The most characters of a staff id (or other id from input) echoed back.
    public static let idLimit = 64

    /// A staff id, module id or code from input, in printable form and at most `idLimit` characters
    /// (then "…").
    public static func id(_ text: String) -> String { escaped(text, limit: idLimit) }

    /// `text` in printable form, at most `limit` characters, then "…".
    public static func escaped(_ text: String, limit: Int) -> String {
        var result = ""
        var count = 0
        for character in text {
            let piece = printable(character)
            if count + piece.count > limit {
                return result + "…"
            }
            result += piece
            count += piece.count
        }
        return result
    }

    private static func printable(_ character: Character) -> String {
        var piece = ""
        for scalar in character.unicodeScalars {
            switch scalar {
            case "\n": piece += "\\n"
            case "\r": piece += "\\r"
            case "\t": piece += "\\t"
            default:
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                    piece += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                default:
                    piece.unicodeScalars.append(scalar)
                }
            }
        }
        return piece
    }
}
