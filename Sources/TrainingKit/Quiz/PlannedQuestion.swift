/// A question as this attempt shows it: its place, its scenario, and the order of its options.
public struct PlannedQuestion: Hashable, Sendable {
    public var question: Question
    /// The scenario the question belongs to, if any.
    public var scenario: Scenario?
    /// Whether this is the first question of its scenario in the attempt (show the case text in full).
    public var startsScenario: Bool
    /// For single/multiple: canonical choice indices in display order. For order: canonical item
    /// indices in display order. For matching: canonical right-side indices in display order.
    public var displayOrder: [Int]

    public init(question: Question, scenario: Scenario?, startsScenario: Bool, displayOrder: [Int]) {
        self.question = question
        self.scenario = scenario
        self.startsScenario = startsScenario
        self.displayOrder = displayOrder
    }

    /// The letter shown for a display position: a, b, c ….
    public static func label(_ position: Int) -> String {
        Choice.positionalID(position)
    }
}
