/// The score of a finished attempt, per objective, with the lessons to review.
public struct QuizResult: Hashable, Sendable {
    public var points: Double
    public var maxPoints: Double
    public var passMark: Int
    public var objectives: [ObjectiveResult]

    public init(points: Double, maxPoints: Double, passMark: Int, objectives: [ObjectiveResult]) {
        self.points = points
        self.maxPoints = maxPoints
        self.passMark = passMark
        self.objectives = objectives
    }

    /// The percentage of points earned, 0–100 (100 when nothing was scored).
    public var percent: Double { maxPoints > 0 ? points / maxPoints * 100 : 100 }

    /// Passed when the percentage reaches the pass mark (compared with a small tolerance for rounding).
    public var passed: Bool { percent + 1e-9 >= Double(passMark) }

    /// Objectives below the pass mark, with the lessons that teach them.
    public var toReview: [ObjectiveResult] {
        objectives.filter { $0.maxPoints > 0 && $0.percent + 1e-9 < Double(passMark) }
    }

    /// Computes the result from the plan and the marks given so far (missing answers score 0).
    public static func compute(module: Module, plan: QuizPlan, marks: [String: Mark]) -> QuizResult {
        var points = 0.0
        var maxPoints = 0.0
        var byObjective: [String: (Double, Double)] = [:]
        for planned in plan.questions {
            let question = planned.question
            let available = Double(question.maxPoints)
            let earned = marks[question.id]?.points ?? 0
            points += earned
            maxPoints += available
            guard available > 0 else { continue }
            let current = byObjective[question.objective] ?? (0, 0)
            byObjective[question.objective] = (current.0 + earned, current.1 + available)
        }
        let objectives = module.objectives.compactMap { objective -> ObjectiveResult? in
            guard let (earned, available) = byObjective[objective.id] else { return nil }
            let lessons = module.lessons.filter { $0.objectives.contains(objective.id) }
            return ObjectiveResult(objective: objective, points: earned, maxPoints: available, lessons: lessons)
        }
        return QuizResult(points: points, maxPoints: maxPoints, passMark: module.passMark, objectives: objectives)
    }
}
