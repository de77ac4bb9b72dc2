import Foundation
import TrainingKit
import TrainingStore

/// Draws the screens of an attempt: intro, lessons, questions, feedback and the result.
struct ScreenRenderer {
    let console: Console
    var terminal: Terminal { console.terminal }

    func intro(_ module: Module, site: Site?) {
        let minutes = module.estimatedMinutes.map { " · about \($0) minutes" } ?? ""
        console.line()
        console.wrapped(module.title, style: .bold)
        console.wrapped("Version \(module.version)\(minutes)", style: .dim)
        console.line()
        console.rich(module.summary)
        if !module.objectives.isEmpty {
            console.line()
            console.line("You will be able to:")
            for objective in module.objectives { console.wrapped(terminal.bullet + " " + objective.text, indent: 2, hanging: 4) }
        }
        console.line()
        if let warning = module.contentWarning {
            console.wrapped("Before you begin: " + warning, style: .yellow)
        }
        if module.quiz.feedback == .end {
            console.wrapped("Each answer is recorded as you give it; the right answers and feedback follow the last question.")
        }
        console.wrapped("You can type :pause at any prompt to stop and come back later with `cares resume`. Every answer is saved as you give it.")
        if let support = site?.facts["employee_assistance"] {
            console.wrapped("If this brings up something difficult for you, support is available: \(support)")
        }
        console.line()
    }

    func lesson(_ lesson: Lesson, number: Int, of total: Int) {
        console.heading("Lesson \(number) of \(total) · \(lesson.title)")
        console.rich(lesson.body)
        console.line()
    }

    func question(_ planned: PlannedQuestion, number: Int, of total: Int) {
        var title = "Question \(number) of \(total)"
        if terminal.useColour {
            let filled = Int((Double(number - 1) / Double(max(1, total)) * 14).rounded())
            title += " " + String(repeating: "█", count: filled) + String(repeating: "░", count: 14 - filled)
        }
        console.heading(title)
        if let scenario = planned.scenario {
            console.wrapped("Case: " + scenario.title, style: .bold)
            if planned.startsScenario {
                console.rich(scenario.text)
            } else {
                console.wrapped("(continued)", style: .dim)
            }
            console.line()
        }
        console.rich(planned.question.prompt)
        console.line()
        for line in planned.screenLines {
            switch line {
            case .option(let text): console.wrapped(text, indent: 2, hanging: 5)
            case .blank: console.line()
            case .note(let text): console.wrapped(text, indent: 2)
            case .instruction(let text): console.wrapped(text, indent: 2, style: .dim)
            }
        }
        console.line()
    }

    /// The prompt line for a question type.
    func prompt(for planned: PlannedQuestion) -> String {
        planned.inputPrompt
    }

    func help(for planned: PlannedQuestion) {
        let how = planned.inputHelp
        let rows = [how, (":hint", "a hint for this question (if there is one)"), (":skip", "skip this question (scores 0)"),
            (":pause", "save and stop here; continue later with cares resume")]
        for (key, text) in rows {
            console.line(terminal.style("  " + key.padding(toLength: 10, withPad: " ", startingAt: 0) + text, .dim))
        }
        console.line(terminal.style("  Your progress is saved after every answer.", .dim))
    }

    func feedback(_ feedback: AnswerFeedback) {
        let mark = feedback.mark
        switch feedback.verdict {
        case .correct:
            console.wrapped(symbol("✓ ") + "Correct.", style: .boldGreen)
        case .partial:
            console.wrapped(symbol("◐ ") + "Partly right: \(Formatting.points(mark.points)) of \(Formatting.points(mark.maxPoints)) points.", style: .boldYellow)
        case .incorrect:
            console.wrapped(symbol("✗ ") + "Not quite.", style: .boldRed)
        case .skipped:
            console.wrapped("Skipped — no credit for this one.", style: .yellow)
        case .recorded:
            console.wrapped("Thank you for reflecting.", style: .bold)
        }
        for line in feedback.lines {
            switch line.kind {
            case .chosen(let label, let text, let correct):
                let head = (terminal.plain ? (correct ? "Right: you" : "Wrong: you") : (correct ? "✓ You" : "✗ You"))
                    + " chose (\(label)) \(text)"
                console.wrapped(line.text.isEmpty ? head : head + " — " + line.text, indent: 2, hanging: 4)
            case .rightAnswer:
                console.wrapped("The right answer:", indent: 2, style: .bold)
                console.rich(terminal.plain ? line.text.replacingOccurrences(of: " → ", with: ": ") : line.text, indent: 4)
            case .general:
                console.rich(line.text, indent: 2)
            case .explanation:
                console.wrapped("Why: " + RichText.plain(line.text), indent: 2, hanging: 4)
            }
        }
        console.line()
    }

    /// A symbol such as "✓ " before words that say the same, left out when the output is plain.
    private func symbol(_ glyph: String) -> String { terminal.plain ? "" : glyph }

    /// The neutral line after an answer when feedback waits for the result screen (`feedback: end`).
    func recorded() {
        console.wrapped("Answer recorded.", style: .bold)
        console.line()
    }

    /// Every answered question with the learner's answer and its feedback, as after the attempt.
    func answers(_ reviewed: [ReviewedQuestion]) {
        console.heading("Your answers")
        for item in reviewed {
            let question = item.planned.question
            let scenario = item.planned.scenario.map { " (case: \($0.title))" } ?? ""
            console.wrapped("\(item.number). \(RichText.plain(question.prompt))\(scenario)", hanging: 3, style: .bold)
            if !item.feedback.namesChoice, !item.feedback.mark.skipped {
                console.wrapped("Your answer: " + (item.answerText.isEmpty ? "(not kept)" : item.answerText), indent: 2, hanging: 4)
            }
            feedback(item.feedback)
        }
    }

    /// `cares review`: the score of the learner's last finished attempt, then its answers.
    func review(_ reviewed: [ReviewedQuestion], of attempt: Attempt, result: QuizResult, module: Module) {
        console.line()
        console.wrapped(module.title, style: .bold)
        let verdict = attempt.status == .passed ? terminal.style("PASSED", .boldGreen) : terminal.style("NOT PASSED", .boldRed)
        console.line(
            "Your attempt of \(Formatting.moment(attempt.finishedAt ?? attempt.startedAt)) · score "
                + "\(Formatting.points(result.points)) of \(Formatting.points(result.maxPoints)) (\(Formatting.percent(result.percent))) · "
                + verdict)
        answers(reviewed)
    }

    func result(_ result: QuizResult, module: Module, learner: String, at date: Date, expires: Date?, review: [ReviewedQuestion] = []) {
        console.heading("Result")
        let verdict = result.passed ? terminal.style("PASSED", .boldGreen) : terminal.style("NOT PASSED", .boldRed)
        console.line(
            "Score \(Formatting.points(result.points)) of \(Formatting.points(result.maxPoints)) (\(Formatting.percent(result.percent)))"
                + " · pass mark \(result.passMark)% · " + verdict)
        let width = min(40, (result.objectives.map(\.objective.text.count).max() ?? 10) + 2)
        for objective in result.objectives {
            var text = objective.objective.text
            if text.count > width - 2 { text = String(text.prefix(width - 3)) + "…" }
            var row = "  " + text.padding(toLength: width, withPad: " ", startingAt: 0)
                + "\(Formatting.points(objective.points))/\(Formatting.points(objective.maxPoints))"
            if result.toReview.contains(objective), let lesson = objective.lessons.first,
                let number = module.lessons.firstIndex(of: lesson)
            {
                row += "  " + symbol("→ ") + "review lesson \(number + 1), \"\(lesson.title)\""
            }
            console.line(row)
        }
        var recorded = "Recorded for \(learner) at \(Formatting.moment(date))."
        if result.passed, let expires { recorded += " Valid until \(Formatting.day(expires))." }
        console.wrapped(recorded)
        if result.passed {
            console.wrapped("Certificate: cares certificate --module \(module.id)", style: .dim)
        }
        if !review.isEmpty { answers(review) }
        if let closing = module.closing {
            console.line()
            console.rich(closing)
        }
        console.line()
    }
}
