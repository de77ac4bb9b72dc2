/// Plays a module's quiz with test-wise strategies over many seeded draws, using the real engine.
///
/// Each run `seed` (1…`runs`) builds the same `QuizSession` a learner with that seed would get,
/// types each strategy's answer through `QuizSession.mark(_:at:)` (the parsing and marking of
/// `evaluate(_:at:)`, without the feedback text; skips through
/// `evaluateSkip(at:)`) and scores it with `QuizResult`. No store, no clock: the same module and
/// runs always give the same figures.
public struct QuizAudit: Sendable {
    /// Seeded draws per module when nothing else is asked for.
    public static let defaultRuns = 1_000
    /// Fewer draws, for the check `cares validate` runs on every module.
    public static let validateRuns = 200
    /// A module whose best strategy passes more often than this (a fraction) can be gamed.
    public static let passLimit = 0.05
    /// How many of each strategy's most often right items are reported.
    public static let topItemCount = 3

    public var runs: Int
    public var strategies: [AuditStrategy]

    public init(runs: Int = QuizAudit.defaultRuns, strategies: [AuditStrategy] = AuditStrategy.allCases) {
        self.runs = max(1, runs)
        self.strategies = strategies
    }

    /// The audit of one module; fill its placeholders first, as a learner would see it.
    public func audit(_ module: Module) -> ModuleAudit {
        let pool = module.quiz.allQuestions
        let slotOf = Dictionary(pool.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var tallies = strategies.map { _ in Tally(poolSize: pool.count) }
        for seed in 1...UInt64(runs) {
            let start = QuizSession(module: module, seed: seed)
            let slots = start.plan.questions.map { slotOf[$0.question.id] ?? 0 }
            let lengths = start.plan.questions.map { AuditStrategy.optionLengths($0.question) }
            for (index, strategy) in strategies.enumerated() {
                var random = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ 0xA0D1_7000)
                var session = start
                for (position, planned) in start.plan.questions.enumerated() {
                    let mark = Self.answer(
                        strategy, planned: planned, at: position, lengths: lengths[position], in: session, random: &random,
                        tally: &tallies[index])
                    session.record(mark, for: planned.question.id)
                    guard planned.question.maxPoints > 0 else { continue }
                    tallies[index].shown[slots[position]] += 1
                    if mark.isCorrect == true { tallies[index].right[slots[position]] += 1 }
                }
                let result = session.result
                tallies[index].scoreSum += result.percent / 100
                if result.passed { tallies[index].passes += 1 }
            }
        }
        let audits = zip(strategies, tallies).map { strategy, tally in
            StrategyAudit(
                strategy: strategy, meanScore: tally.scoreSum / Double(runs), passProbability: Double(tally.passes) / Double(runs),
                topItems: Self.topItems(tally, pool: pool), rejectedInputs: tally.rejected)
        }
        return ModuleAudit(moduleID: module.id, passMark: module.passMark, runs: runs, strategies: audits)
    }

    /// The audits of several modules, on all cores, in the order given.
    public func audit(_ modules: [Module]) -> [ModuleAudit] {
        ModuleCatalog.concurrentMap(modules) { audit($0) }
    }

    /// The engine's mark for the strategy's answer; a skip when it types nothing or the input is refused.
    private static func answer(
        _ strategy: AuditStrategy, planned: PlannedQuestion, at index: Int, lengths: [Int], in session: QuizSession,
        random: inout SeededGenerator, tally: inout Tally
    ) -> Mark {
        if let input = strategy.input(for: planned, optionLengths: lengths, random: &random) {
            switch session.mark(input, at: index) {
            case .success(let (_, mark)): return mark
            case .failure: tally.rejected += 1
            }
        }
        return session.evaluateSkip(at: index)?.0
            ?? Mark(points: 0, maxPoints: Double(planned.question.maxPoints), isCorrect: false, canonicalAnswer: "", skipped: true)
    }

    private static func topItems(_ tally: Tally, pool: [Question]) -> [AuditedItem] {
        let items = pool.indices.compactMap { slot -> AuditedItem? in
            tally.right[slot] > 0 ? AuditedItem(questionID: pool[slot].id, shown: tally.shown[slot], right: tally.right[slot]) : nil
        }
        let sorted = items.sorted {
            if $0.rightRate != $1.rightRate { return $0.rightRate > $1.rightRate }
            if $0.right != $1.right { return $0.right > $1.right }
            return $0.questionID < $1.questionID
        }
        return Array(sorted.prefix(topItemCount))
    }

    /// What one strategy earned so far; `shown` and `right` are indexed by position in the pool.
    private struct Tally {
        var scoreSum = 0.0
        var passes = 0
        var rejected = 0
        var shown: [Int]
        var right: [Int]

        init(poolSize: Int) {
            shown = Array(repeating: 0, count: poolSize)
            right = Array(repeating: 0, count: poolSize)
        }
    }
}
