/// How a learner did on the questions for one objective.
public struct ObjectiveResult: Hashable, Sendable {
    public var objective: Objective
    public var points: Double
    public var maxPoints: Double
    /// Lessons that teach this objective, to review when it was missed.
    public var lessons: [Lesson]

    public init(objective: Objective, points: Double, maxPoints: Double, lessons: [Lesson]) {
        self.objective = objective
        self.points = points
        self.maxPoints = maxPoints
        self.lessons = lessons
    }

    public var percent: Double { maxPoints > 0 ? points / maxPoints * 100 : 100 }
}
