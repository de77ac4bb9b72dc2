/// The quiz of a module: a pool of units, how many to draw, whether to shuffle and when to give feedback.
public struct Quiz: Hashable, Sendable {
    /// Units drawn per attempt; nil means all of them.
    public var draw: Int?
    public var shuffle: Bool
    public var units: [QuizUnit]
    /// When right answers and feedback are shown.
    public var feedback: FeedbackTiming
    /// Where the module's `quiz:` key is written, for findings about the quiz as a whole.
    public var location: SourceLocation
    /// Where the `draw` value is written, when there is one.
    public var drawLocation: SourceLocation?

    public init(
        draw: Int? = nil, shuffle: Bool = true, units: [QuizUnit], feedback: FeedbackTiming = .immediate,
        location: SourceLocation = .start
    ) {
        self.draw = draw
        self.shuffle = shuffle
        self.units = units
        self.feedback = feedback
        self.location = location
    }

    /// Every question in the pool, scenario questions included, in YAML order.
    public var allQuestions: [Question] { units.flatMap(\.questions) }

    /// The question with this id, wherever it is.
    public func question(id: String) -> Question? {
        allQuestions.first { $0.id == id }
    }
}
