extension QuizSession {
    /// Every answered question in plan order with its feedback, rebuilt from the marks (as stored), so
    /// a resumed attempt or `cares review` shows the same as an attempt taken in one go.
    public var review: [ReviewedQuestion] {
        plan.questions.enumerated().compactMap { index, planned in
            guard let mark = marks[planned.question.id] else { return nil }
            let text = mark.skipped ? "" : planned.question.describe(storedAnswer: mark.canonicalAnswer)
            return ReviewedQuestion(
                number: index + 1, planned: planned, answerText: text, feedback: AnswerFeedback.review(for: planned, mark: mark))
        }
    }
}
