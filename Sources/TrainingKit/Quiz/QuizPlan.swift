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
        let quiz = module.quiz
        let (chosen, places) = Self.draw(quiz, seed: seed, avoiding: seen)
        questions = places.map { $0.planned(in: quiz) }
        unitIndices = chosen
    }

    /// Where one planned question is in the quiz (its unit and its place in the unit), and how it is shown.
    struct Place {
        var unit: Int
        var offset: Int
        var displayOrder: [Int]

        /// The question at this place, as the plan asks it.
        func planned(in quiz: Quiz) -> PlannedQuestion {
            let unit = quiz.units[self.unit]
            return PlannedQuestion(
                question: unit.questions[offset], scenario: unit.scenario, startsScenario: offset == 0, displayOrder: displayOrder)
        }
    }

    /// The draw `init` makes, as places in the quiz rather than copies of questions: the units
    /// chosen, in the order asked, and each question's place and display order.
    static func draw(_ quiz: Quiz, seed: UInt64, avoiding seen: Set<Int>) -> (units: [Int], places: [Place]) {
        var random = SeededGenerator(seed: seed)
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
        var places: [Place] = []
        for index in chosen {
            for (offset, question) in quiz.units[index].questions.enumerated() {
                let order = question.kind.unit.displayOrder(shuffle: quiz.shuffle, random: &random)
                places.append(Place(unit: index, offset: offset, displayOrder: order))
            }
        }
        return (chosen, places)
    }

    /// The points available in this attempt (reflections count zero).
    public var maxPoints: Int { questions.reduce(0) { $0 + $1.question.maxPoints } }
}
