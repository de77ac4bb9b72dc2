/// Why statements could not be sent to a Learning Record Store. Messages never hold the password.
public enum LRSError: Error, Equatable, CustomStringConvertible {
    /// The LRS refused the request (a 4xx other than 409): the status and its message, made printable.
    case refused(status: Int, message: String)
    /// The LRS kept failing (429, 5xx) or could not be reached, after every retry.
    case unavailable(String)
    /// The endpoint or credentials are unusable before anything is sent.
    case configuration(String)
    /// This machine cannot send HTTP at all (libcurl is missing or cannot start).
    case noHTTP(String)
    /// The high-water mark file cannot be read or written.
    case mark(String)

    public var description: String {
        switch self {
        case .refused(let status, let message):
            return "the LRS refused the statements: HTTP \(status)" + (message.isEmpty ? "" : ": \(message)")
        case .unavailable(let message): return message
        case .configuration(let message): return message
        case .noHTTP(let message): return message
        case .mark(let message): return message
        }
    }

    /// A server's message made safe to print: control characters replaced, at most `limit` characters.
    public static func printable(_ text: String, limit: Int = 200) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if result.count >= limit { return result + "…" }
            let value = scalar.value
            let control = value < 0x20 || value == 0x7f || (0x80...0x9f).contains(value) || (0x202a...0x202e).contains(value)
                || (0x2066...0x2069).contains(value)
            result.unicodeScalars.append(control ? " " : scalar)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }
}
