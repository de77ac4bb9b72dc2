import TrainingKit
/// Escaping for the text formats reports write.
public enum TextEscaping {
    /// A JSON string literal, quotes included; control characters and U+2028/2029 escaped.
    public static func json(_ text: String) -> String {
        JSONValue.quoted(text)
    }

    /// Text for HTML element content or a quoted attribute value.
    public static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in HTML text.
                if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7f...0x9f).contains(scalar.value) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Text safe for one terminal table cell: line breaks and tabs become spaces, other controls U+FFFD.
    public static func terminal(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                result += " "
            } else if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result += "\u{FFFD}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One CSV field (RFC 4180): quoted when needed; text starting with = + - @ tab or CR is
    /// neutralised with a leading apostrophe so a spreadsheet never runs it as a formula; control
    /// characters other than tab and line breaks (escape sequences, NUL) become U+FFFD.
    public static func csv(_ text: String, neutralise: Bool) -> String {
        var value = text
        if value.unicodeScalars.contains(where: isUnsafeControl) {
            value = String(String.UnicodeScalarView(value.unicodeScalars.map { isUnsafeControl($0) ? "\u{FFFD}" : $0 }))
        }
        if neutralise, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// C0 and C1 control characters other than tab, line feed and carriage return, and DEL.
    static func isUnsafeControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
    }
}
