/// The questions one attempt asks, in order, derived only from the module and a seed.
public struct QuizPlan: Hashable, Sendable {
    public var seed: UInt64
    public var questions: [PlannedQuestion]
    /// The indices (in `quiz.units`) of the units drawn, in the order asked.
    public var unitIndices: [Int]

    /// Draws `quiz.draw` units (all when nil), shuffles units and choices when the quiz says so, and
    /// always shuffles order items and matching right-hand sides.
    ///
    /// When only part of the pool is drawn, units whose index is in `seen` (the learner's earlier
    /// attempts) are drawn only after every other unit, each group in the seed's order. With `seen`
    /// empty the plan is exactly the plan of the seed alone.
    public init(module: Module, seed: UInt64, avoiding seen: Set<Int> = []) {
        self.seed = seed
        var random = SeededGenerator(seed: seed)
        let quiz = module.quiz
        let count = min(quiz.draw ?? quiz.units.count, quiz.units.count)
        var indices = Array(0..<quiz.units.count)
        if count < quiz.units.count || quiz.shuffle {
            indices = random.shuffled(indices)
        }
        if !seen.isEmpty, count < quiz.units.count {
            indices = indices.filter { !seen.contains($0) } + indices.filter { seen.contains($0) }
        }
        var chosen = Array(indices.prefix(count))
        if !quiz.shuffle { chosen.sort() }
        var planned: [PlannedQuestion] = []
        for index in chosen {
            let unit = quiz.units[index]
            for (offset, question) in unit.questions.enumerated() {
                let order = question.kind.unit.displayOrder(shuffle: quiz.shuffle, random: &random)
                planned.append(
                    PlannedQuestion(question: question, scenario: unit.scenario, startsScenario: offset == 0, displayOrder: order))
            }
        }
        questions = planned
        unitIndices = chosen
    }

    /// The points available in this attempt (reflections count zero).
    public var maxPoints: Int { questions.reduce(0) { $0 + $1.question.maxPoints } }
}
