/// One piece of feedback after an answer.
public struct FeedbackLine: Hashable, Sendable {
    /// What the line is about, so the terminal can label it.
    public enum Kind: Hashable, Sendable {
        /// Feedback on an option the learner chose, shown with its label ("b") and text.
        case chosen(label: String, text: String, correct: Bool)
        /// The right answer, when the learner's was not fully right.
        case rightAnswer
        /// Question-level feedback.
        case general
        /// The explanation, shown whatever was chosen.
        case explanation
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
