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
    /// Per draw the plan is drawn once (`QuizPlan.draw`, places in the quiz); each strategy's input
    /// is parsed and marked by the engine.
    /// What the engine makes of an input depends only on the question as shown (its display order)
    /// and the input, so an input is parsed once per question and display order, and the parsed
    /// answer marked once per question, then reused across strategies and draws; a strategy other
    /// than `random` types an input that depends only on the question as shown, so even its input
    /// is worked out once per display order. The score is summed as `QuizResult.compute` sums it,
    /// in plan order, so the figures are exactly the engine's.
    public func audit(_ module: Module) -> ModuleAudit {
        let pool = module.quiz.allQuestions
        let slotOf = Dictionary(pool.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Option lengths depend only on the question: measured once per pool slot, not per draw.
        let poolLengths = pool.map(AuditStrategy.optionLengths)
        // Each question's type, made once rather than at every parse, and what strategies need of it.
        let poolUnits = pool.map(\.kind.unit)
        let poolShapes = pool.map { AuditStrategy.Shape($0.kind) }
        // With repeated ids a slot does not name one question, so marks are kept for one draw only.
        let uniqueIDs = slotOf.count == pool.count
        let passMark = Double(module.passMark)
        let count = strategies.count
        var tallies = strategies.map { _ in Tally(poolSize: pool.count) }
        var earned: [Double] = []
        var memos = Array(repeating: Memo(), count: pool.count)
        let quiz = module.quiz
        // Where each unit's questions start in the pool (`allQuestions` is the units in order).
        var unitStart: [Int] = []
        var start = 0
        for unit in quiz.units {
            unitStart.append(start)
            start += unit.questions.count
        }
        let poolPoints = pool.map { Double($0.maxPoints) }
        for seed in 1...UInt64(runs) {
            // The plan's places rather than copies of its questions (`QuizPlan(module:seed:)` draws the same).
            let drawn = QuizPlan.draw(quiz, seed: seed, avoiding: []).places
            let places = drawn.map { unitStart[$0.unit] + $0.offset }
            let slots = uniqueIDs ? places : places.map { slotOf[pool[$0].id] ?? 0 }
            // With duplicate ids a later mark replaces an earlier one, as in `QuizSession.marks`.
            let scoredAt = uniqueIDs ? Array(drawn.indices) : Self.lastPositions(places.map { pool[$0].id })
            if !uniqueIDs { memos = Array(repeating: Memo(), count: max(pool.count, drawn.count)) }
            // Each strategy draws from its own generator, in plan order, as if it played alone.
            var generators = strategies.map { _ in SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ 0xA0D1_7000) }
            earned = Array(repeating: 0, count: drawn.count * count)
            for position in drawn.indices {
                let place = places[position]
                let slot = slots[position]
                let memo = uniqueIDs ? slot : position
                let scored = poolPoints[place] > 0
                // The display order as a small number, looked up once for every strategy.
                let order = memos[memo].order(drawn[position].displayOrder, strategies: count)
                for (index, strategy) in strategies.enumerated() {
                    let played: Played
                    if strategy != .random, let known = memos[memo].typed[order * count + index] {
                        played = known
                    } else {
                        played = Self.answer(
                            strategy, pool: pool, place: place, unit: poolUnits[place], shape: poolShapes[place],
                            shown: drawn[position].displayOrder, lengths: poolLengths[slot], memo: &memos[memo], order: order,
                            random: &generators[index])
                        if strategy != .random { memos[memo].typed[order * count + index] = played }
                    }
                    if played.refused { tallies[index].rejected += 1 }
                    earned[index * drawn.count + position] = played.mark.points
                    guard scored else { continue }
                    tallies[index].shown[slot] += 1
                    if played.mark.isCorrect == true { tallies[index].right[slot] += 1 }
                }
            }
            var maxPoints = 0.0
            for place in places { maxPoints += poolPoints[place] }
            for index in strategies.indices {
                var points = 0.0
                for position in drawn.indices { points += earned[index * drawn.count + scoredAt[position]] }
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
    private static func lastPositions(_ ids: [String]) -> [Int] {
        var last: [String: Int] = [:]
        for (position, id) in ids.enumerated() { last[id] = position }
        return ids.map { last[$0] ?? 0 }
    }

    /// The audits of several modules, on all cores, in the order given.
    public func audit(_ modules: [Module]) -> [ModuleAudit] {
        ModuleCatalog.concurrentMap(modules) { audit($0) }
    }

    /// What a strategy's answer earned: the engine's mark, and whether the engine refused the input.
    private struct Played {
        var mark: Mark
        var refused = false
    }

    /// What is known of one question (one pool slot): its display orders met so far, numbered in
    /// the order met; per order and strategy the play of a strategy whose input depends only on the
    /// order; per order what each answer typed earned; and the engine's mark for each answer as
    /// parsed (in the question's own terms, so the same for every display order).
    private struct Memo {
        var orders: [[Int]: Int] = [:]
        var typed: [Played?] = []
        var plays: [Play: Played] = [:]
        var marks: [Answer: Mark] = [:]

        /// An answer typed at the question in one display order (numbered as in `orders`).
        struct Play: Hashable {
            var order: Int
            var typed: AuditStrategy.Typed?
        }

        /// The number of `displayOrder`, made room for when it is new.
        mutating func order(_ displayOrder: [Int], strategies: Int) -> Int {
            if let known = orders[displayOrder] { return known }
            let number = orders.count
            orders[displayOrder] = number
            typed.append(contentsOf: repeatElement(nil, count: strategies))
            return number
        }
    }

    /// The engine's mark for the strategy's answer; a skip when it types nothing or the input is refused.
    ///
    /// An answer not yet typed at this question in this display order is written out as text and
    /// parsed as `AnswerParser` parses a learner's input; `Marker` marks each parsed answer once.
    private static func answer(
        _ strategy: AuditStrategy, pool: [Question], place: Int, unit: any QuestionType, shape: AuditStrategy.Shape,
        shown: [Int], lengths: [Int], memo: inout Memo, order: Int, random: inout SeededGenerator
    ) -> Played {
        let typed = strategy.typed(for: shape, shown: shown, optionLengths: lengths, random: &random)
        let play = Memo.Play(order: order, typed: typed)
        if let known = memo.plays[play] { return known }
        var answer = Answer.skipped
        var refused = false
        if let typed {
            switch AnswerParser.parse(typed.text, as: unit, displayOrder: shown) {
            case .success(let parsed): answer = parsed
            case .failure: refused = true
            }
        }
        let mark: Mark
        if let known = memo.marks[answer] {
            mark = known
        } else {
            mark = Marker.mark(answer, for: pool[place])
            memo.marks[answer] = mark
        }
        let played = Played(mark: mark, refused: refused)
        memo.plays[play] = played
        return played
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
