/// The type of a question and what it needs to be marked.
///
/// Each case's behaviour lives in its type unit (`Quiz/Types/`), reached through `unit`; adding a
/// type means a case here, its line in `unit`, its file and its line in `QuestionTypes.all`.
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

    /// The type unit that knows how this kind is read, asked, marked, stored and shown.
    var unit: any QuestionType {
        switch self {
        case .single(let choices): return SingleChoiceType(choices: choices)
        case .multiple(let choices): return MultipleChoiceType(choices: choices)
        case .trueFalse(let answer): return TrueFalseType(answer: answer)
        case .order(let items): return OrderType(items: items)
        case .matching(let pairs): return MatchingType(pairs: pairs)
        case .short(let accept): return ShortAnswerType(accept: accept)
        case .reflection(let store): return ReflectionType(store: store)
        }
    }

    /// The `type` value written in YAML.
    public var typeName: String { type(of: unit).name }

    /// Every `type` value the format knows, in the order the format documents them.
    public static var typeNames: [String] { QuestionTypes.all.map { $0.name } }

    /// Whether answers earn points.
    public var isScored: Bool { type(of: unit).isScored }

    /// The choices of a single- or multiple-choice question, else empty.
    public var choices: [Choice] { unit.choices }
}
