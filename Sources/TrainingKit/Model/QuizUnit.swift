/// What the quiz draws from its pool: a question, or a scenario counted as one unit.
public enum QuizUnit: Hashable, Sendable {
    case question(Question)
    case scenario(Scenario)

    public var id: String {
        switch self {
        case .question(let question): return question.id
        case .scenario(let scenario): return scenario.id
        }
    }

    /// The questions of the unit in the order they are asked.
    public var questions: [Question] {
        switch self {
        case .question(let question): return [question]
        case .scenario(let scenario): return scenario.questions
        }
    }

    /// The scenario, if this unit is one.
    public var scenario: Scenario? {
        if case .scenario(let scenario) = self { return scenario }
        return nil
    }
}
