import TrainingKit

/// A choice a learner can make in a question, as stored in `Response.answer`.
struct AnalysedChoice: Hashable, Sendable {
    var id: String
    var text: String
    var isCorrect: Bool

    /// The choices of a single, multiple or true/false question; empty for other types.
    static func choices(of question: Question) -> [AnalysedChoice] {
        switch question.kind {
        case .trueFalse(let answer):
            return [
                AnalysedChoice(id: "true", text: "True", isCorrect: answer),
                AnalysedChoice(id: "false", text: "False", isCorrect: !answer),
            ]
        default:
            return question.kind.choices.map { AnalysedChoice(id: $0.id, text: $0.text, isCorrect: $0.isCorrect) }
        }
    }

    /// Whether a stored answer (choice ids joined by commas) includes this choice.
    func isChosen(in answer: String) -> Bool {
        answer.split(separator: ",").contains { $0 == id }
    }
}
