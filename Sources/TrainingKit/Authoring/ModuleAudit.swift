/// How test-wise strategies fared on one module's quiz.
public struct ModuleAudit: Hashable, Sendable {
    public var moduleID: String
    public var passMark: Int
    /// Seeded draws played per strategy.
    public var runs: Int
    /// One entry per strategy, in the order they were played.
    public var strategies: [StrategyAudit]

    public init(moduleID: String, passMark: Int, runs: Int, strategies: [StrategyAudit]) {
        self.moduleID = moduleID
        self.passMark = passMark
        self.runs = runs
        self.strategies = strategies
    }

    /// The strategy that passes most often (then the highest mean, then the first played).
    public var best: StrategyAudit? {
        strategies.enumerated().max { a, b in
            if a.element.passProbability != b.element.passProbability { return a.element.passProbability < b.element.passProbability }
            if a.element.meanScore != b.element.meanScore { return a.element.meanScore < b.element.meanScore }
            return a.offset > b.offset
        }?.element
    }

    /// Whether the best strategy passes more often than `QuizAudit.passLimit`.
    public var isGameable: Bool {
        (best?.passProbability ?? 0) > QuizAudit.passLimit
    }
}
