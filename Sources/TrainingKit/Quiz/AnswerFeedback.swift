/// What the learner sees after answering: the verdict, the points and the feedback that teaches.
public struct AnswerFeedback: Hashable, Sendable {
    public var verdict: Verdict
    public var mark: Mark
    public var lines: [FeedbackLine]

    public init(verdict: Verdict, mark: Mark, lines: [FeedbackLine]) {
        self.verdict = verdict
        self.mark = mark
        self.lines = lines
    }

    /// Builds the feedback for a marked answer to a planned question.
    public static func make(for planned: PlannedQuestion, answer: Answer, mark: Mark) -> AnswerFeedback {
        let question = planned.question
        let verdict: Verdict
        if mark.skipped {
            verdict = .skipped
        } else if mark.isCorrect == nil {
            verdict = .recorded
        } else if mark.isCorrect == true {
            verdict = .correct
        } else {
            verdict = mark.isPartial ? .partial : .incorrect
        }
        var lines: [FeedbackLine] = []
        let fullyRight = verdict == .correct
        lines += question.kind.unit.feedbackLines(for: answer, fullyRight: fullyRight, displayOrder: planned.displayOrder)
        if let text = question.feedback?.text(correct: fullyRight || verdict == .recorded), !text.isEmpty {
            lines.append(FeedbackLine(.general, text))
        }
        if let explanation = question.explanation {
            lines.append(FeedbackLine(.explanation, explanation))
        }
        return AnswerFeedback(verdict: verdict, mark: mark, lines: lines.filter { !$0.text.isEmpty || isChosen($0) })
    }

    /// The feedback for an answer on record, rebuilt from its stored form (for a review after the attempt).
    public static func review(for planned: PlannedQuestion, mark: Mark) -> AnswerFeedback {
        let stored = mark.skipped ? nil : planned.question.kind.unit.answer(fromStored: mark.canonicalAnswer)
        return make(for: planned, answer: stored ?? .skipped, mark: mark)
    }

    /// Whether the feedback names what the learner chose (choice questions), so it need not be repeated.
    public var namesChoice: Bool { lines.contains(where: Self.isChosen) }

    private static func isChosen(_ line: FeedbackLine) -> Bool {
        if case .chosen = line.kind { return true }
        return false
    }
}
