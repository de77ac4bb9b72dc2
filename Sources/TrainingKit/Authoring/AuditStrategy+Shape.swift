extension AuditStrategy {
    /// What a strategy needs to know of a question's type to choose its answer, without the question.
    enum Shape: Sendable {
        case single
        case multiple
        case trueFalse
        case order
        /// A matching with this many pairs.
        case matching(Int)
        /// Short answers and reflections: nothing to type.
        case none

        init(_ kind: QuestionKind) {
            switch kind {
            case .single: self = .single
            case .multiple: self = .multiple
            case .trueFalse: self = .trueFalse
            case .order: self = .order
            case .matching(let pairs): self = .matching(pairs.count)
            case .short, .reflection: self = .none
            }
        }
    }
}
