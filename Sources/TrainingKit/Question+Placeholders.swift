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
        func choices(_ list: [Choice]) -> [Choice] {
            list.map { var c = $0; c.text = fill(c.text); c.feedback = c.feedback.map(fill); return c }
        }
        switch kind {
        case .single(let list): copy.kind = .single(choices(list))
        case .multiple(let list): copy.kind = .multiple(choices(list))
        case .order(let items): copy.kind = .order(items.map(fill))
        case .matching(let pairs): copy.kind = .matching(pairs.map { MatchPair(left: fill($0.left), right: fill($0.right)) })
        default: break
        }
        return copy
    }
}
