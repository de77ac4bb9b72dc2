/// One strategy's figures on one module: mean score, pass probability and the items it gets right.
public struct StrategyAudit: Hashable, Sendable {
    public var strategy: AuditStrategy
    /// Mean score as a fraction of the points available, 0–1.
    public var meanScore: Double
    /// The share of draws passed against the module's pass mark, 0–1.
    public var passProbability: Double
    /// The scored items this strategy gets fully right most often, best first.
    public var topItems: [AuditedItem]
    /// Inputs the engine refused (a strategy bug; always 0), counted as skips.
    public var rejectedInputs: Int

    public init(strategy: AuditStrategy, meanScore: Double, passProbability: Double, topItems: [AuditedItem], rejectedInputs: Int = 0) {
        self.strategy = strategy
        self.meanScore = meanScore
        self.passProbability = passProbability
        self.topItems = topItems
        self.rejectedInputs = rejectedInputs
    }
}
