/// One quiz question, standalone or inside a scenario.
public struct Question: Hashable, Sendable {
    public var id: String
    public var kind: QuestionKind
    public var objective: String
    public var prompt: String
    public var points: Int
    public var hint: String?
    public var explanation: String?
    public var feedback: Feedback?
    public var location: SourceLocation

    public init(
        id: String, kind: QuestionKind, objective: String, prompt: String, points: Int = 1,
        hint: String? = nil, explanation: String? = nil, feedback: Feedback? = nil,
        location: SourceLocation = .start
    ) {
        self.id = id
        self.kind = kind
        self.objective = objective
        self.prompt = prompt
        self.points = points
        self.hint = hint
        self.explanation = explanation
        self.feedback = feedback
        self.location = location
    }

    /// The points this question can earn: zero for reflections.
    public var maxPoints: Int { kind.isScored ? points : 0 }
}
