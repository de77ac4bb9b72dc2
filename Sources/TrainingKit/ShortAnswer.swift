/// How short answers are compared: case-insensitive, with runs of whitespace collapsed and the ends trimmed.
public enum ShortAnswer {
    public static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
