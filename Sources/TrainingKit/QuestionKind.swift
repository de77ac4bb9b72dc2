/// The type of a question and what it needs to be marked.
public enum QuestionKind: Hashable, Sendable {
    /// Exactly one correct choice.
    case single([Choice])
    /// At least one correct choice; partial credit.
    case multiple([Choice])
    case trueFalse(answer: Bool)
    /// Items in the correct order; shown shuffled.
    case order([String])
    /// Right-hand sides shown shuffled.
    case matching([MatchPair])
    /// Accepted answers, matched ignoring case and whitespace.
    case short(accept: [String])
    /// Free text, never scored; kept only when `store` is true.
    case reflection(store: Bool)

    /// The `type` value written in YAML.
    public var typeName: String {
        switch self {
        case .single: return "single"
        case .multiple: return "multiple"
        case .trueFalse: return "true-false"
        case .order: return "order"
        case .matching: return "matching"
        case .short: return "short"
        case .reflection: return "reflection"
        }
    }

    /// Every `type` value the format knows.
    public static let typeNames = ["single", "multiple", "true-false", "order", "matching", "short", "reflection"]

    /// Whether answers earn points.
    public var isScored: Bool {
        if case .reflection = self { return false }
        return true
    }

    /// The choices of a single- or multiple-choice question, else empty.
    public var choices: [Choice] {
        switch self {
        case .single(let choices), .multiple(let choices): return choices
        default: return []
        }
    }
}
