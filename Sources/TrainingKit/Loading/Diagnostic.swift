/// One problem found in a file: where it is, how bad it is, what is wrong and how to fix it.
public struct Diagnostic: Hashable, Sendable, Error {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    /// The path of the file as the user named it.
    public var file: String
    public var location: SourceLocation
    /// How many characters the problem spans on its line (for the caret underline); at least 1.
    public var length: Int
    public var message: String
    public var hint: String?

    public init(
        _ severity: Severity, file: String, at location: SourceLocation, length: Int = 1,
        _ message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.location = location
        self.length = max(1, length)
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: severity: message`, the form editors and compilers use.
    public var headline: String {
        "\(file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}
