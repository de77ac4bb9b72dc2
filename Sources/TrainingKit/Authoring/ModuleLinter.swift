/// Teaching-quality checks on a module that loaded: coverage, feedback, explanations and readability.
///
/// Every finding is a warning with the location of what it is about, so `cares validate --strict`
/// can hold a module set to them.
public struct ModuleLinter: Sendable {
    /// The default highest Flesch–Kincaid grade a lesson may read at.
    public static let defaultMaxGrade = 12.0

    /// Lessons that read above this grade get a warning.
    public var maxGrade: Double

    public init(maxGrade: Double = ModuleLinter.defaultMaxGrade) {
        self.maxGrade = maxGrade
    }

    /// The warnings for one module; `facts` fill site placeholders before readability is measured.
    public func lint(_ module: Module, facts: [String: String] = [:]) -> [Diagnostic] {
        let bag = DiagnosticBag(file: module.path)
        checkCoverage(module, bag: bag)
        for question in module.quiz.allQuestions where question.kind.isScored {
            checkQuestion(question, bag: bag)
        }
        let filled = module.fillingPlaceholders(facts)
        for lesson in filled.lessons {
            let reading = Readability.measure(lesson.body)
            if reading.grade > maxGrade {
                bag.warning(
                    "lesson '\(lesson.id)' reads at grade \(reading.gradeText) (Flesch–Kincaid); the limit is \(Self.format(maxGrade))",
                    at: lesson.location,
                    hint: "use shorter sentences and everyday words, or set the limit with --max-grade")
            }
        }
        return bag.sorted
    }

    /// Each lesson's reading grade, in order, for previews.
    public static func readability(of module: Module, facts: [String: String] = [:]) -> [(lesson: Lesson, reading: Readability)] {
        module.fillingPlaceholders(facts).lessons.map { ($0, Readability.measure($0.body)) }
    }

    /// Objectives tested by exactly one scored question (none at all is the loader's warning).
    private func checkCoverage(_ module: Module, bag: DiagnosticBag) {
        var testedBy: [String: [String]] = [:]
        for question in module.quiz.allQuestions where question.kind.isScored {
            testedBy[question.objective, default: []].append(question.id)
        }
        for objective in module.objectives {
            guard let questions = testedBy[objective.id], questions.count == 1 else { continue }
            bag.warning(
                "objective '\(objective.id)' is tested by only one question ('\(questions[0])')", at: objective.location,
                hint: "add a second scored question with 'objective: \(objective.id)', so one slip does not decide it")
        }
    }

    private func checkQuestion(_ question: Question, bag: DiagnosticBag) {
        for (index, choice) in question.kind.choices.enumerated() where choice.feedback == nil {
            bag.warning(
                "choice \(Choice.positionalID(index)) of question '\(question.id)' has no feedback", at: choice.location,
                hint: "say why it is right or wrong: 'feedback: …'")
        }
        if question.explanation == nil {
            bag.warning(
                "question '\(question.id)' has no explanation", at: question.location,
                hint: "add 'explanation: …', shown after any answer")
        }
    }

    static func format(_ grade: Double) -> String {
        grade == grade.rounded() ? String(Int(grade)) : String(grade)
    }
}
