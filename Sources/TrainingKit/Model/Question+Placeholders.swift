extension Question {
    func fillingPlaceholders(_ fill: (String) -> String) -> Question {
        var copy = self
        copy.prompt = fill(prompt)
        copy.hint = hint.map(fill)
        copy.explanation = explanation.map(fill)
        switch feedback {
        case .always(let text): copy.feedback = .always(fill(text))
        case .byOutcome(let right, let wrong): copy.feedback = .byOutcome(correct: right.map(fill), incorrect: wrong.map(fill))
        case nil: break
        }
        copy.kind = kind.unit.fillingPlaceholders(fill)
        return copy
    }
}
