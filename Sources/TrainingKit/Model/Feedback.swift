/// Question-level feedback: one text whatever the answer, or one for right and one for wrong answers.
public enum Feedback: Hashable, Sendable {
    case always(String)
    case byOutcome(correct: String?, incorrect: String?)

    /// The text to show for an answer that was (or was not) fully correct.
    public func text(correct: Bool) -> String? {
        switch self {
        case .always(let text): return text
        case .byOutcome(let right, let wrong): return correct ? right : wrong
        }
    }
}
