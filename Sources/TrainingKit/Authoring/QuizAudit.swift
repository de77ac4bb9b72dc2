/// Plays a module's quiz with test-wise strategies over many seeded draws, using the real engine.
///
/// Each run `seed` (1…`runs`) builds the same `QuizPlan` a learner with that seed would get,
/// types each strategy's answer through `AnswerParser` and `Marker` (the parsing and marking of
/// `QuizSession.evaluate(_:at:)`, without the feedback text; skips marked as
/// `evaluateSkip(at:)` marks them) and scores it as `QuizResult` does. No store, no clock: the
/// same module and runs always give the same figures.
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
    ///
    /// Per draw the plan is built once; each strategy's input is parsed and marked by the engine,
    /// and a strategy typing the same input at the same position as another reuses that mark (the
    /// engine's mark depends only on the question as shown and the input). The score is summed as
    /// `QuizResult.compute` sums it, in plan order, so the figures are exactly the engine's.
    public func audit(_ module: Module) -> ModuleAudit {
        let pool = module.quiz.allQuestions
        let slotOf = Dictionary(pool.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Option lengths depend only on the question: measured once per pool slot, not per draw.
        let poolLengths = pool.map(AuditStrategy.optionLengths)
        let uniqueIDs = slotOf.count == pool.count
        let passMark = Double(module.passMark)
        var tallies = strategies.map { _ in Tally(poolSize: pool.count) }
        var earned: [Double] = []
        var memo: [[(input: String, mark: Mark?)]] = []
        for seed in 1...UInt64(runs) {
            let questions = QuizPlan(module: module, seed: seed).questions
            let slots = questions.map { slotOf[$0.question.id] ?? 0 }
            // With duplicate ids a later mark replaces an earlier one, as in `QuizSession.marks`.
            let scoredAt = uniqueIDs ? Array(questions.indices) : Self.lastPositions(questions)
            memo = questions.map { _ in [] }
            for (index, strategy) in strategies.enumerated() {
                var random = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ 0xA0D1_7000)
                earned.removeAll(keepingCapacity: true)
                for (position, planned) in questions.enumerated() {
                    let mark = Self.answer(
                        strategy, planned: planned, lengths: poolLengths[slots[position]], memo: &memo[position],
                        random: &random, tally: &tallies[index])
                    earned.append(mark.points)
                    guard planned.question.maxPoints > 0 else { continue }
                    tallies[index].shown[slots[position]] += 1
                    if mark.isCorrect == true { tallies[index].right[slots[position]] += 1 }
                }
                var points = 0.0
                var maxPoints = 0.0
                for (position, planned) in questions.enumerated() {
                    points += earned[scoredAt[position]]
                    maxPoints += Double(planned.question.maxPoints)
                }
                let percent = maxPoints > 0 ? points / maxPoints * 100 : 100
                tallies[index].scoreSum += percent / 100
                if percent + 1e-9 >= passMark { tallies[index].passes += 1 }
            }
        }
        let audits = zip(strategies, tallies).map { strategy, tally in
            StrategyAudit(
                strategy: strategy, meanScore: tally.scoreSum / Double(runs), passProbability: Double(tally.passes) / Double(runs),
                topItems: Self.topItems(tally, pool: pool), rejectedInputs: tally.rejected)
        }
        return ModuleAudit(moduleID: module.id, passMark: module.passMark, runs: runs, strategies: audits)
    }

    /// For each position, the last position asking the same question id (whose mark `QuizSession` keeps).
    private static func lastPositions(_ questions: [PlannedQuestion]) -> [Int] {
        var last: [String: Int] = [:]
        for (position, planned) in questions.enumerated() { last[planned.question.id] = position }
        return questions.map { last[$0.question.id] ?? 0 }
    }

    /// The audits of several modules, on all cores, in the order given.
    public func audit(_ modules: [Module]) -> [ModuleAudit] {
        ModuleCatalog.concurrentMap(modules) { audit($0) }
    }

    /// The engine's mark for the strategy's answer; a skip when it types nothing or the input is refused.
    ///
    /// `memo` holds the inputs already marked at this position in this draw (nil: refused).
    private static func answer(
        _ strategy: AuditStrategy, planned: PlannedQuestion, lengths: [Int], memo: inout [(input: String, mark: Mark?)],
        random: inout SeededGenerator, tally: inout Tally
    ) -> Mark {
        if let input = strategy.input(for: planned, optionLengths: lengths, random: &random) {
            let known = memo.first { $0.input == input }
            let mark: Mark?
            if let known {
                mark = known.mark
            } else {
                switch AnswerParser.parse(input, for: planned) {
                case .success(let answer): mark = Marker.mark(answer, for: planned.question)
                case .failure: mark = nil
                }
                memo.append((input, mark))
            }
            if let mark { return mark }
            tally.rejected += 1
        }
        return Marker.mark(.skipped, for: planned.question)
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
