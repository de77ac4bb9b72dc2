import Foundation

/// One answer to one question in an attempt, committed before its feedback is shown.
public struct Response: Hashable, Sendable, Codable {
    public var attemptID: UUID
    public var questionID: String
    /// The canonical answer: choice ids from the YAML (never the letters shown after shuffling),
    /// `true`/`false`, canonical item letters in the learner's order, `a=b` pairs, or normalised text.
    /// Empty for a skip or a reflection that is not stored.
    public var answer: String
    /// Nil for reflections, which are never marked.
    public var isCorrect: Bool?
    public var points: Double
    public var maxPoints: Double
    public var skipped: Bool
    /// 1-based position of the question in the attempt.
    public var position: Int
    public var answeredAt: Date

    public init(
        attemptID: UUID, questionID: String, answer: String, isCorrect: Bool?, points: Double, maxPoints: Double,
        skipped: Bool = false, position: Int, answeredAt: Date = Date()
    ) {
        self.attemptID = attemptID
        self.questionID = questionID
        self.answer = answer
        self.isCorrect = isCorrect
        self.points = points
        self.maxPoints = maxPoints
        self.skipped = skipped
        self.position = position
        self.answeredAt = answeredAt
    }
}
