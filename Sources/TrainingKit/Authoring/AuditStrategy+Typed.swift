extension AuditStrategy {
    /// What a strategy types at one question, as numbers until the engine needs the text.
    ///
    /// The audit keeps the engine's mark per question, display order and typed answer, so most
    /// draws look a mark up by this value and never write or parse text.
    enum Typed: Hashable, Sendable {
        /// Display positions (0-based), typed 1-based and separated by spaces: "2", "1 3 4".
        case positions([Int])
        /// "t" or "f".
        case truth(Bool)
        /// For each left item in turn, the display position of its right item: "1b 2a 3c".
        case pairs([Int])

        /// The text the learner would type.
        var text: String {
            switch self {
            case .positions(let positions): return positions.map { String($0 + 1) }.joined(separator: " ")
            case .truth(let value): return value ? "t" : "f"
            case .pairs(let rights):
                return rights.enumerated().map { "\($0.offset + 1)\(PlannedQuestion.label($0.element))" }.joined(separator: " ")
            }
        }
    }
}
