/// Scores answers as the module format states, with partial credit for multiple, order and matching.
public enum Marker {
    /// The mark for an answer; a skip or an answer of the wrong shape earns nothing.
    public static func mark(_ answer: Answer, for question: Question) -> Mark {
        let nothing = Mark(
            points: 0, maxPoints: Double(question.maxPoints), isCorrect: question.kind.isScored ? false : nil, canonicalAnswer: "")
        if case .skipped = answer {
            var skipped = nothing
            skipped.skipped = true
            return skipped
        }
        return question.kind.unit.mark(answer, points: Double(question.points)) ?? nothing
    }
}
