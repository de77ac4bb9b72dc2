import Foundation

/// A proven upper bound on how often a test-wise strategy passes a module's quiz, worked out
/// without playing it.
///
/// A draw passes when `Σ (earned − q·max)` over the questions asked is at least 0, where `q` is
/// the pass mark as a fraction (`QuizResult`'s rule, with a little slack). Each question's earned
/// points are independent of the others' (their display orders and the strategy's random draws
/// are), and their exact distribution comes from marking every play the strategy can make
/// (`AuditStrategy.plays`) with the engine's own parser and marker. So for every `λ > 0`
/// (Chernoff's bound):
///
///     P(pass) ≤ E over the units drawn [ Π over units u drawn of E e^{λ (earned_u − q·max_u)} ]
///
/// and the expectation over the units drawn (a uniform subset of `draw` units) is summed exactly,
/// unit by unit, as sequential sampling draws them. The bound is the best of a few `λ`.
/// Where a question has too many plays to list, its earned points are bounded by its full points.
///
/// `ModuleSet.audited` skips the sampled check for a module whose every strategy is bounded by
/// `PassBound.negligible`: the sampled check could then flag it only by a fluke of its seeds.
struct PassBound: Sendable {
    /// A pass probability this small cannot show as more than 5% of 200 draws, except with
    /// probability below 10⁻¹⁵ (11 or more passes in 200 at 0.1% each).
    static let negligible = 0.001

    /// Per unit (in quiz order) and question, the possible values of `earned − q·max` for this
    /// strategy, with their probabilities.
    private var units: [[[Outcome]]]
    private let drawn: Int
    private let scale: Double

    /// One possible value of `earned − q·max` at one question, and its probability.
    fileprivate struct Outcome {
        var value: Double
        var probability: Double
    }

    /// Whether every strategy's bound on `module` (placeholders filled) is at most `negligible`.
    static func rulesOut(_ module: Module, strategies: [AuditStrategy]) -> Bool {
        var marks = Marks(module)
        return strategies.allSatisfy { strategy in
            guard let bound = PassBound(module, strategy: strategy, marks: &marks) else { return false }
            return bound.value(stoppingBelow: negligible) <= negligible
        }
    }

    /// The points each strategy earns at each question (in `allQuestions` order), worked out once
    /// for strategies that type alike (`AuditStrategy.sharingPlays`).
    struct Marks {
        fileprivate var known: [[AuditStrategy: [Outcome]]]
        /// The engine's points per answer, as parsed, per question.
        fileprivate var points: [[Answer: Double]]
        /// Each question's option lengths, measured once.
        fileprivate var lengths: [[Int]?]
        /// Whether every question id is different (else later marks replace earlier ones).
        fileprivate let distinctIDs: Bool

        init(_ module: Module) {
            let ids = module.quiz.allQuestions.map(\.id)
            distinctIDs = Set(ids).count == ids.count
            let count = ids.count
            known = Array(repeating: [:], count: count)
            points = Array(repeating: [:], count: count)
            lengths = Array(repeating: nil, count: count)
        }

        /// The outcomes of `strategy` (one that `sharingPlays` names) at the question in `slot`.
        fileprivate mutating func earned(_ question: Question, slot: Int, strategy: AuditStrategy, shuffle: Bool) -> [Outcome] {
            if let outcomes = known[slot][strategy] { return outcomes }
            let optionLengths = lengths[slot] ?? AuditStrategy.optionLengths(question)
            lengths[slot] = optionLengths
            let outcomes = PassBound.earned(question, strategy: strategy, shuffle: shuffle, optionLengths: optionLengths, points: &points[slot])
            known[slot][strategy] = outcomes
            return outcomes
        }
    }

    /// Prepares the bound for one strategy on a module whose placeholders are filled; nil when a
    /// question id repeats (then later marks replace earlier ones and draws are not independent).
    init?(_ module: Module, strategy: AuditStrategy, marks: inout Marks) {
        let quiz = module.quiz
        guard marks.distinctIDs else { return nil }
        // `percent + 1e-9 >= passMark` in the engine; a lower threshold only loosens the bound.
        let fraction = (Double(module.passMark) - 1e-6) / 100
        var largest = 1.0
        var slot = 0
        var units: [[[Outcome]]] = []
        for unit in quiz.units {
            var questions: [[Outcome]] = []
            for question in unit.questions {
                let maxPoints = Double(question.maxPoints)
                largest = max(largest, Double(question.points))
                let alike = strategy.sharingPlays(at: AuditStrategy.Shape(question.kind))
                let earned = marks.earned(question, slot: slot, strategy: alike, shuffle: quiz.shuffle)
                questions.append(earned.map { Outcome(value: $0.value - fraction * maxPoints, probability: $0.probability) })
                slot += 1
            }
            units.append(questions)
        }
        self.units = units
        drawn = min(quiz.draw ?? quiz.units.count, quiz.units.count)
        scale = largest
    }

    /// The points the strategy earns at `question`, each with its probability; the question's full
    /// points when its plays are too many to list.
    private static func earned(
        _ question: Question, strategy: AuditStrategy, shuffle: Bool, optionLengths: [Int], points known: inout [Answer: Double]
    ) -> [Outcome] {
        let unit = question.kind.unit
        guard let plays = strategy.plays(for: question.kind, shuffle: shuffle, optionLengths: optionLengths)
        else { return [Outcome(value: Double(max(0, question.points)), probability: 1)] }
        var outcomes: [Outcome] = []
        for play in plays {
            var answer = Answer.skipped
            if let typed = play.typed, case .success(let parsed) = AnswerParser.parse(typed.text, as: unit, displayOrder: play.shown) {
                answer = parsed
            }
            let points = known[answer] ?? Marker.mark(answer, for: question).points
            known[answer] = points
            if let index = outcomes.firstIndex(where: { $0.value == points }) {
                outcomes[index].probability += play.probability
            } else {
                outcomes.append(Outcome(value: points, probability: play.probability))
            }
        }
        return outcomes
    }

    /// The bound: at most 1, and below `target` as soon as one `λ` proves it.
    func value(stoppingBelow target: Double = 0) -> Double {
        var best = 1.0
        // λ from 1/64 to 64 per point of the largest question, in steps of √2.
        for step in -12...12 {
            let lambda = pow(2, Double(step) / 2) / scale
            let bound = chernoff(lambda)
            if bound < best { best = bound }
            if best <= target { break }
        }
        return best
    }

    /// `E[Π e^{λ Y_u}]` over the units drawn; infinity when it overflows.
    private func chernoff(_ lambda: Double) -> Double {
        let factors = units.map { questions in
            questions.reduce(1.0) { product, outcomes in
                product * outcomes.reduce(0.0) { $0 + $1.probability * exp(lambda * $1.value) }
            }
        }
        let total = factors.count
        guard drawn < total else {
            let product = factors.reduce(1, *)
            return product.isFinite ? product : .infinity
        }
        // sums[k]: the probability-weighted products over the first units, with k of them drawn.
        var sums = [Double](repeating: 0, count: drawn + 1)
        sums[0] = 1
        for (index, factor) in factors.enumerated() {
            let left = Double(total - index)
            var k = min(drawn, index + 1)
            while k >= 0 {
                var next = sums[k] * (1 - Double(drawn - k) / left)
                if k > 0 { next += sums[k - 1] * (Double(drawn - k + 1) / left) * factor }
                sums[k] = next
                k -= 1
            }
        }
        let result = sums[drawn]
        return result.isFinite ? result : .infinity
    }
}
