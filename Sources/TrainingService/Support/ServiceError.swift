/// A refusal or a problem in the input that a person can act on, from any training service.
public enum ServiceError: Error, Equatable, CustomStringConvertible {
    /// An option or value that cannot be used as given (exit 64).
    case usage(String)
    /// Nothing matches what was asked for, such as an unknown learner or module (exit 1).
    case notFound(String, hint: String? = nil)
    /// The rules do not allow it, such as an attempt limit or an id outside the roster (exit 1).
    case refused(String, hint: String? = nil)
    /// A roster file with problems; each message names its line; nothing was imported (exit 65).
    case roster([String])

    public var description: String {
        switch self {
        case .usage(let message), .notFound(let message, _), .refused(let message, _): return message
        case .roster(let problems): return problems.joined(separator: "\n")
        }
    }

    /// What to do about it, when there is something to say.
    public var hint: String? {
        switch self {
        case .notFound(_, let hint), .refused(_, let hint): return hint
        case .usage: return nil
        case .roster: return "Nothing was imported. Fix the file and import it again."
        }
    }
}
