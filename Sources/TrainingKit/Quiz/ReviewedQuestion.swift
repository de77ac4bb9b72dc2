/// One answered question of a finished attempt as a review shows it: the question, the learner's
/// answer and the feedback that would have followed it (right answer, per-choice feedback, explanation).
public struct ReviewedQuestion: Hashable, Sendable {
    /// 1-based position in the attempt.
    public var number: Int
    public var planned: PlannedQuestion
    /// The learner's answer as text ("" when skipped or not kept, as for unsaved reflections).
    public var answerText: String
    public var feedback: AnswerFeedback

    public init(number: Int, planned: PlannedQuestion, answerText: String, feedback: AnswerFeedback) {
        self.number = number
        self.planned = planned
        self.answerText = answerText
        self.feedback = feedback
    }
}
