/// Report failures a person can act on.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// A filter or option that cannot be used as given (exit 64).
    case usage(String)
    /// Nothing matches what was asked for, such as an unknown learner (exit 1).
    case notFound(String)
    /// The output cannot be written.
    case output(String)

    public var description: String {
        switch self {
        case .usage(let message), .notFound(let message), .output(let message): return message
        }
    }
}
