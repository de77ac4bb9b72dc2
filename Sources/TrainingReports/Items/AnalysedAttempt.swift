import Foundation

/// One finished attempt as the item analysis reads it: its whole-test score and its scored answers.
struct AnalysedAttempt: Sendable {
    /// One scored answer (reflections are left out).
    struct Answer: Sendable {
        var points: Double
        var maxPoints: Double
        /// The canonical answer: choice ids joined by commas for choice questions.
        var answer: String
        var skipped: Bool

        /// The score as a fraction of the question's maximum.
        var fraction: Double { maxPoints > 0 ? points / maxPoints : 0 }
    }

    var id: UUID
    var learnerID: String
    var startedAt: Date
    /// Points earned and available over the questions shown.
    var points: Double
    var maxPoints: Double
    /// By question id.
    var answers: [String: Answer]

    /// The attempt's score as a fraction, 0–1.
    var score: Double { maxPoints > 0 ? points / maxPoints : 0 }

    /// The score over the other questions shown, as a fraction; nil when the question was the only one.
    func restScore(without questionID: String) -> Double? {
        guard let answer = answers[questionID] else { return nil }
        let rest = maxPoints - answer.maxPoints
        return rest > 1e-12 ? (points - answer.points) / rest : nil
    }
}
