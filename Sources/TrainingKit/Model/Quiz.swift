/// The quiz of a module: a pool of units, how many to draw, and whether to shuffle.
public struct Quiz: Hashable, Sendable {
    /// Units drawn per attempt; nil means all of them.
    public var draw: Int?
    public var shuffle: Bool
    public var units: [QuizUnit]
    /// Where the quiz is written: its `draw` value when it has one, else its first key.
    public var location: SourceLocation

    public init(draw: Int? = nil, shuffle: Bool = true, units: [QuizUnit], location: SourceLocation = .start) {
        self.draw = draw
        self.shuffle = shuffle
        self.units = units
        self.location = location
    }

    /// Every question in the pool, scenario questions included, in YAML order.
    public var allQuestions: [Question] { units.flatMap(\.questions) }

    /// The question with this id, wherever it is.
    public func question(id: String) -> Question? {
        allQuestions.first { $0.id == id }
    }
}
