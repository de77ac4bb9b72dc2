/// One attempt's quiz as a deterministic state machine: no I/O, only a module, a seed and answers.
///
/// The runner asks for the next question, passes what the learner typed, records the returned mark
/// and shows the returned feedback; `result` scores whatever has been answered.
public struct QuizSession: Sendable {
    public let module: Module
    public let plan: QuizPlan
    public private(set) var marks: [String: Mark] = [:]

    /// Starts (or, with earlier marks, resumes) a session; the module should already have its placeholders filled.
    public init(module: Module, seed: UInt64, marks: [String: Mark] = [:]) {
        self.init(module: module, plan: QuizPlan(module: module, seed: seed), marks: marks)
    }

    /// Starts or resumes a session over a plan already drawn (a retake's plan depends on earlier attempts).
    public init(module: Module, plan: QuizPlan, marks: [String: Mark] = [:]) {
        self.module = module
        self.plan = plan
        let planned = Set(plan.questions.map(\.question.id))
        self.marks = marks.filter { planned.contains($0.key) }
    }

    /// The 0-based index in the plan of the first unanswered question, or nil when all are answered.
    public var nextIndex: Int? {
        plan.questions.firstIndex { marks[$0.question.id] == nil }
    }

    public var isFinished: Bool { nextIndex == nil }

    public var answeredCount: Int { marks.count }

    /// Parses and marks an answer to the question at `index` without recording it.
    public func evaluate(_ input: String, at index: Int) -> Result<(Answer, Mark, AnswerFeedback), InputHint> {
        mark(input, at: index).map { answer, mark in
            (answer, mark, AnswerFeedback.make(for: plan.questions[index], answer: answer, mark: mark))
        }
    }

    /// Parses and marks an answer as `evaluate(_:at:)` does, without building the feedback (for `QuizAudit`).
    public func mark(_ input: String, at index: Int) -> Result<(Answer, Mark), InputHint> {
        guard plan.questions.indices.contains(index) else { return .failure(InputHint("There is no such question.")) }
        let planned = plan.questions[index]
        return AnswerParser.parse(input, for: planned).map { answer in (answer, Marker.mark(answer, for: planned.question)) }
    }

    /// The mark and feedback for skipping the question at `index` (never any credit).
    public func evaluateSkip(at index: Int) -> (Mark, AnswerFeedback)? {
        guard plan.questions.indices.contains(index) else { return nil }
        let planned = plan.questions[index]
        let mark = Marker.mark(.skipped, for: planned.question)
        return (mark, AnswerFeedback.make(for: planned, answer: .skipped, mark: mark))
    }

    /// Records a mark once it is safely stored.
    public mutating func record(_ mark: Mark, for questionID: String) {
        marks[questionID] = mark
    }

    /// The score so far (unanswered questions count zero).
    public var result: QuizResult {
        QuizResult.compute(module: module, plan: plan, marks: marks)
    }
}
