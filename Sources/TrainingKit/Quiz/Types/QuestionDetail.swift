/// One block of what a preview shows about a question's answers, as its type describes it.
public enum QuestionDetail: Hashable, Sendable {
    /// A label and a value, e.g. "Answer: false".
    case labelled(String, String)
    /// Options with their labels, and for choices whether each is right and its feedback.
    case answers([Option])
    /// A plain list of texts.
    case list([String])

    /// One option in a preview.
    public struct Option: Hashable, Sendable {
        /// Nil when right and wrong do not apply (order items, pairs).
        public var correct: Bool?
        public var label: String
        public var text: String
        public var feedback: String?

        public init(correct: Bool? = nil, label: String, text: String, feedback: String? = nil) {
            self.correct = correct
            self.label = label
            self.text = text
            self.feedback = feedback
        }
    }
}
