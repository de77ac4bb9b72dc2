extension ModuleSet {
    /// The set with a warning, at its `quiz:` key, on each module that a test-wise strategy passes
    /// more often than `QuizAudit.passLimit` over `runs` seeded draws (see `QuizAudit`).
    ///
    /// With `screening`, a module that `PassBound` proves no strategy passes more than 0.1% of the
    /// time is not played: it would warn only by a fluke of its seeds.
    public func audited(runs: Int = QuizAudit.validateRuns, screening: Bool = true) -> ModuleSet {
        var copy = self
        let facts = site?.facts ?? [:]
        let audit = QuizAudit(runs: runs)
        copy.results = ModuleCatalog.concurrentMap(results) { result in
            guard let module = result.module else { return result }
            let filled = module.fillingPlaceholders(facts)
            if screening, PassBound.rulesOut(filled, strategies: audit.strategies) { return result }
            let report = audit.audit(filled)
            guard report.isGameable, let best = report.best else { return result }
            var audited = result
            audited.diagnostics.append(
                Diagnostic(
                    .warning, file: module.path.isEmpty ? result.path : module.path, at: module.quiz.location, length: 4,
                    "a learner who never reads the lessons passes this quiz \(Self.percent(best.passProbability)) of the time "
                        + "with the '\(best.strategy.name)' strategy (\(best.strategy.summary); mean score \(Self.percent(best.meanScore)), "
                        + "\(runs) seeded draws); the limit is \(Self.percent(QuizAudit.passLimit))",
                    hint: best.strategy.advice + "; see: cares audit \(result.path)"))
            return audited
        }
        return copy
    }

    private static func percent(_ fraction: Double) -> String {
        let value = (fraction * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }
}
