import TrainingKit

/// Everything a reviewer needs to check a module, answers included, as format-neutral blocks.
struct PreviewDocument {
    let title: String
    private(set) var blocks: [PreviewBlock] = []

    /// Builds the preview of a module whose site placeholders are already filled.
    init(module: Module, readability: [Readability]) {
        title = module.title
        var facts = ["\(module.id) · version \(module.version)"]
        if let minutes = module.estimatedMinutes { facts.append("about \(minutes) minutes") }
        facts.append("pass mark \(module.passMark)%")
        facts.append(module.maxAttempts.map { "\($0) attempt\($0 == 1 ? "" : "s") per period" } ?? "unlimited attempts")
        if let hours = module.retakeAfterHours { facts.append("\(hours) h wait after a failed attempt") }
        facts.append(module.validForDays.map { "valid for \($0) days" } ?? "does not expire")
        blocks.append(.title(module.title, subtitle: facts.joined(separator: " · ")))
        blocks.append(.rich(module.summary))
        if !module.audience.isEmpty { blocks.append(.labelled("Audience", module.audience.joined(separator: ", "))) }
        if let warning = module.contentWarning { blocks.append(.labelled("Content warning", warning)) }
        blocks.append(.heading(level: 2, "Sources"))
        blocks.append(.list(module.sources))
        addObjectives(module)
        addLessons(module, readability: readability)
        addQuiz(module)
        if let closing = module.closing {
            blocks.append(.heading(level: 2, "Closing"))
            blocks.append(.rich(closing))
        }
    }

    private mutating func addObjectives(_ module: Module) {
        blocks.append(.heading(level: 2, "Objectives"))
        let questions = module.quiz.allQuestions.filter(\.kind.isScored)
        blocks.append(.list(module.objectives.map { objective in
            let count = questions.filter { $0.objective == objective.id }.count
            return "\(objective.id): \(objective.text) (tested by \(count) question\(count == 1 ? "" : "s"))"
        }))
    }

    private mutating func addLessons(_ module: Module, readability: [Readability]) {
        blocks.append(.heading(level: 2, "Lessons"))
        for (index, lesson) in module.lessons.enumerated() {
            blocks.append(.heading(level: 3, "Lesson \(index + 1) of \(module.lessons.count) · \(lesson.title)"))
            var facts = ["id \(lesson.id)"]
            if !lesson.objectives.isEmpty { facts.append("objectives: \(lesson.objectives.joined(separator: ", "))") }
            if index < readability.count {
                facts.append("reading grade \(readability[index].gradeText) (Flesch–Kincaid)")
            }
            blocks.append(.labelled("Lesson", facts.joined(separator: " · ")))
            blocks.append(.rich(lesson.body))
        }
    }

    private mutating func addQuiz(_ module: Module) {
        blocks.append(.heading(level: 2, "Quiz"))
        let quiz = module.quiz
        let total = quiz.allQuestions.map(\.maxPoints).reduce(0, +)
        let drawn = quiz.draw.map { "\($0) of \(quiz.units.count) units drawn per attempt" }
            ?? "all \(quiz.units.count) units asked"
        blocks.append(.labelled(
            "Quiz", "\(drawn) (a scenario is one unit) · \(quiz.shuffle ? "shuffled" : "in this order") · \(total) points in the pool"
                + (quiz.feedback == .end ? " · feedback at the end" : "")))
        var number = 0
        for unit in quiz.units {
            switch unit {
            case .question(let question):
                number += 1
                addQuestion(question, heading: "Question \(number) · \(question.id)", level: 3, module: module)
            case .scenario(let scenario):
                blocks.append(.heading(level: 3, "Scenario · \(scenario.id) · \(scenario.title)"))
                blocks.append(.rich(scenario.text))
                for question in scenario.questions {
                    number += 1
                    addQuestion(question, heading: "Question \(number) · \(question.id)", level: 4, module: module)
                }
            }
        }
    }

    private mutating func addQuestion(_ question: Question, heading: String, level: Int, module: Module) {
        blocks.append(.heading(level: level, heading))
        let points = question.kind.isScored ? "\(question.points) point\(question.points == 1 ? "" : "s")" : "not scored"
        let objective = module.objective(id: question.objective).map { "\($0.id) (\($0.text))" } ?? question.objective
        blocks.append(.labelled("Type", "\(question.kind.typeName) · \(points) · objective \(objective)"))
        blocks.append(.rich(question.prompt))
        for detail in question.previewDetails {
            switch detail {
            case .labelled(let label, let text): blocks.append(.labelled(label, text))
            case .answers(let options):
                blocks.append(.answers(options.map {
                    PreviewAnswer(correct: $0.correct, label: $0.label, text: $0.text, feedback: $0.feedback)
                }))
            case .list(let items): blocks.append(.list(items))
            }
        }
        if let hint = question.hint { blocks.append(.labelled("Hint", hint)) }
        switch question.feedback {
        case .always(let text): blocks.append(.labelled("Feedback", text))
        case .byOutcome(let right, let wrong):
            if let right { blocks.append(.labelled("Feedback when correct", right)) }
            if let wrong { blocks.append(.labelled("Feedback when incorrect", wrong)) }
        case nil: break
        }
        if let explanation = question.explanation { blocks.append(.labelled("Explanation", explanation)) }
    }
}
