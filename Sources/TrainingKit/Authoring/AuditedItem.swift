/// How often a strategy got one question fully right when it was drawn.
public struct AuditedItem: Hashable, Sendable {
    public var questionID: String
    /// Draws in which the question was asked.
    public var shown: Int
    /// Draws in which the strategy's answer was fully right.
    public var right: Int

    public init(questionID: String, shown: Int, right: Int) {
        self.questionID = questionID
        self.shown = shown
        self.right = right
    }

    /// The share of the draws that asked it in which it was right, 0–1.
    public var rightRate: Double { shown > 0 ? Double(right) / Double(shown) : 0 }
}
