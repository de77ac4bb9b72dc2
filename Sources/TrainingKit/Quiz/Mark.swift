/// The outcome of marking one answer.
public struct Mark: Hashable, Sendable {
    public var points: Double
    public var maxPoints: Double
    /// Nil for reflections, which are never marked.
    public var isCorrect: Bool?
    /// The canonical answer as stored in records.
    public var canonicalAnswer: String
    public var skipped: Bool

    public init(points: Double, maxPoints: Double, isCorrect: Bool?, canonicalAnswer: String, skipped: Bool = false) {
        self.points = points
        self.maxPoints = maxPoints
        self.isCorrect = isCorrect
        self.canonicalAnswer = canonicalAnswer
        self.skipped = skipped
    }

    /// Partly right: some points but not all.
    public var isPartial: Bool { points > 0 && points < maxPoints }
}
