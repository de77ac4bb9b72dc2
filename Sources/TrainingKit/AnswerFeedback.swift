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
        let labelOf: (Int) -> String = { canonical in
            PlannedQuestion.label(planned.displayOrder.firstIndex(of: canonical) ?? canonical)
        }
        switch (question.kind, answer) {
        case (.single(let choices), .choice(let index)) where choices.indices.contains(index):
            let choice = choices[index]
            lines.append(FeedbackLine(.chosen(label: labelOf(index), text: choice.text, correct: choice.isCorrect), choice.feedback ?? ""))
            if !choice.isCorrect, let right = choices.firstIndex(where: \.isCorrect) {
                lines.append(FeedbackLine(.rightAnswer, "(\(labelOf(right))) \(choices[right].text)"))
            }
        case (.multiple(let choices), .choices(let picked)):
            for index in planned.displayOrder where picked.contains(index) {
                let choice = choices[index]
                lines.append(FeedbackLine(.chosen(label: labelOf(index), text: choice.text, correct: choice.isCorrect), choice.feedback ?? ""))
            }
            let missed = planned.displayOrder.filter { choices[$0].isCorrect && !picked.contains($0) }
            for index in missed {
                let choice = choices[index]
                lines.append(FeedbackLine(.rightAnswer, "You missed (\(labelOf(index))) \(choice.text)" + (choice.feedback.map { ": \($0)" } ?? "")))
            }
        case (.trueFalse(let expected), _) where !fullyRight:
            lines.append(FeedbackLine(.rightAnswer, expected ? "True" : "False"))
        case (.order(let items), _) where !fullyRight:
            lines.append(FeedbackLine(.rightAnswer, items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")))
        case (.matching(let pairs), _) where !fullyRight:
            lines.append(FeedbackLine(.rightAnswer, pairs.map { "- \($0.left) → \($0.right)" }.joined(separator: "\n")))
        case (.short(let accept), _) where !fullyRight:
            if let first = accept.first { lines.append(FeedbackLine(.rightAnswer, first)) }
        case (.single(let choices), .skipped):
            if let right = choices.firstIndex(where: \.isCorrect) {
                lines.append(FeedbackLine(.rightAnswer, "(\(labelOf(right))) \(choices[right].text)"))
            }
        default:
            break
        }
        if let text = question.feedback?.text(correct: fullyRight || verdict == .recorded), !text.isEmpty {
            lines.append(FeedbackLine(.general, text))
        }
        if let explanation = question.explanation {
            lines.append(FeedbackLine(.explanation, explanation))
        }
        return AnswerFeedback(verdict: verdict, mark: mark, lines: lines.filter { !$0.text.isEmpty || isChosen($0) })
    }

    private static func isChosen(_ line: FeedbackLine) -> Bool {
        if case .chosen = line.kind { return true }
        return false
    }
}
