extension Module {
    /// The module with every `{{site.KEY}}` in its text replaced by the site's facts.
    public func fillingPlaceholders(_ facts: [String: String]) -> Module {
        guard !facts.isEmpty else { return self }
        let fill: (String) -> String = { Placeholder.fill($0, facts: facts) }
        var copy = self
        copy.title = fill(title)
        copy.summary = fill(summary)
        copy.contentWarning = contentWarning.map(fill)
        copy.closing = closing.map(fill)
        copy.objectives = objectives.map { var o = $0; o.text = fill(o.text); return o }
        copy.lessons = lessons.map { var l = $0; l.title = fill(l.title); l.body = fill(l.body); return l }
        copy.quiz.units = quiz.units.map { unit in
            switch unit {
            case .question(let question): return .question(question.fillingPlaceholders(fill))
            case .scenario(var scenario):
                scenario.title = fill(scenario.title)
                scenario.text = fill(scenario.text)
                scenario.questions = scenario.questions.map { $0.fillingPlaceholders(fill) }
                return .scenario(scenario)
            }
        }
        return copy
    }
}
