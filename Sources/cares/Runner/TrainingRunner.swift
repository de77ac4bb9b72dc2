import Foundation
import TrainingKit
import TrainingService
import TrainingStore

/// Runs an attempt in the terminal: intro, lessons, questions with feedback, result.
///
/// Each answer is committed to the store before its feedback is shown; with `feedback: end` the
/// feedback of every question waits for the result screen (also after a resume); `:pause`, end of input
/// and Ctrl-C stop cleanly and `cares resume` continues at the next unanswered question.
final class TrainingRunner {
    let console: Console
    let service: AttemptService
    let site: Site?
    /// A seed for new attempts instead of a random one (tests and reproducible demos only).
    var fixedSeed: UInt64?
    private var renderer: ScreenRenderer { ScreenRenderer(console: console) }
    var learnerID: String { service.learnerID }

    init(console: Console, service: AttemptService, site: Site?) {
        self.console = console
        self.service = service
        self.site = site
    }

    /// Starts a new attempt at the module, or continues the one in progress.
    func take(_ module: Module) async throws {
        let opened = try await service.begin(module, seed: fixedSeed)
        if case .started = opened.origin {} else {
            console.wrapped("You have an unfinished attempt at this module; continuing where you stopped.", style: .dim)
        }
        try await run(opened, module: module)
    }

    /// Continues an attempt in progress, or starts afresh when the module changed since it began.
    func continueAttempt(_ attempt: Attempt, module: Module) async throws {
        try await run(try await service.resume(attempt, module: module, seed: fixedSeed), module: module)
    }

    /// Says how the attempt came to be open, then runs it.
    private func run(_ opened: OpenedAttempt, module: Module) async throws {
        switch opened.origin {
        case .continued:
            break
        case .started(let standing):
            notePass(standing)
        case .restartedAfterChange(let standing):
            console.wrapped(
                "The module \"\(module.title)\" has changed since you started this attempt, so a fresh attempt starts now. "
                    + "(Your earlier answers are kept on record as an abandoned attempt and do not count against you.)")
            notePass(standing)
        }
        try await run(opened.attempt, module: module, showIntro: opened.isFresh, answers: opened.marks)
    }

    /// Tells a learner who holds a valid pass that this attempt is practice.
    private func notePass(_ standing: ModuleStanding) {
        guard standing.state == .passed, let pass = standing.lastPass else { return }
        let until = standing.expiresAt.map { ", valid until \(Formatting.day($0))" } ?? ""
        console.wrapped(
            "You passed this module on \(Formatting.day(pass.finishedAt ?? pass.startedAt))\(until). "
                + "This attempt is extra practice; your best result counts.", style: .dim)
    }

    private func run(_ attempt: Attempt, module raw: Module, showIntro: Bool, answers: [String: Mark]) async throws {
        let module = raw.fillingPlaceholders(site?.facts ?? [:])
        InterruptHandler.setMessage(
            "\n\nStopped. Your answers so far are saved.\nTo continue later: cares resume \(module.id)\n")
        var session = QuizSession(module: module, plan: try await service.plan(of: attempt, module: module), marks: answers)
        let deferred = module.quiz.feedback == .end
        if showIntro {
            renderer.intro(module, site: site)
            try await waitForEnter("Press Enter to start, or :pause to stop here.", moduleID: module.id)
            try await lessons(module)
        } else {
            console.line()
            let total = session.plan.questions.count
            console.wrapped(
                session.nextIndex == nil
                    ? "\(module.title) — all \(total) questions are answered; here is your result."
                    : "\(module.title) — continuing at question \(session.answeredCount + 1) of \(total).", style: .bold)
        }
        while let index = session.nextIndex {
            let (mark, feedback) = try await ask(session: session, index: index, module: module)
            let planned = session.plan.questions[index]
            try await save(mark, question: planned.question, position: index + 1, attempt: attempt)
            session.record(mark, for: planned.question.id)
            if deferred { renderer.recorded() } else { renderer.feedback(feedback) }
            let last = session.nextIndex == nil
            try await waitForEnter(last ? "Press Enter to see your result." : "Press Enter for the next question.", moduleID: module.id)
        }
        try await finish(attempt, session: session, module: module)
    }

    private func lessons(_ module: Module) async throws {
        var index = 0
        while index < module.lessons.count {
            renderer.lesson(module.lessons[index], number: index + 1, of: module.lessons.count)
            let last = index == module.lessons.count - 1
            let prompt = (last ? "Press Enter to start the quiz" : "Press Enter to continue")
                + " (:back for the previous page, :pause to stop):"
            switch try await readCommand(prompt, moduleID: module.id) {
            case ":back":
                index = max(0, index - 1)
            case ":skip":
                console.wrapped("Skipping the remaining lessons.", style: .dim)
                return
            case "", ":next":
                index += 1
            case "?", ":help":
                console.wrapped("Enter: next page · :back: previous page · :skip: go to the quiz · :pause: stop and resume later", indent: 2, style: .dim)
            default:
                console.wrapped("Press Enter to continue, or type :back, :skip or :pause.", indent: 2, style: .dim)
            }
        }
    }

    /// Asks one question until the input can be read; returns the mark and feedback.
    private func ask(session: QuizSession, index: Int, module: Module) async throws -> (Mark, AnswerFeedback) {
        let planned = session.plan.questions[index]
        renderer.question(planned, number: index + 1, of: session.plan.questions.count)
        while true {
            let input = try await readCommand(renderer.prompt(for: planned), moduleID: module.id, keepCase: true)
            switch input.lowercased() {
            case "?", ":help":
                renderer.help(for: planned)
            case ":hint":
                console.wrapped(planned.question.hint.map { "Hint: " + $0 } ?? "There is no hint for this question.", indent: 2, style: .dim)
            case ":skip":
                if let skipped = session.evaluateSkip(at: index) { return skipped }
            case ":back":
                console.wrapped("Answers can't be changed once recorded; :back works in the lessons.", indent: 2, style: .dim)
            default:
                if input.hasPrefix(":") {
                    console.wrapped("Unknown command. Type ? for help.", indent: 2, style: .dim)
                    continue
                }
                switch session.evaluate(input, at: index) {
                case .success(let (_, mark, feedback)):
                    return (mark, feedback)
                case .failure(let hint):
                    console.wrapped(hint.message, indent: 2, style: .dim)
                }
            }
        }
    }

    /// Commits an answer; a failure stops the run with the attempt left resumable.
    private func save(_ mark: Mark, question: Question, position: Int, attempt: Attempt) async throws {
        do {
            try await service.record(mark, for: question, position: position, in: attempt)
        } catch let error as StoreError {
            throw CaresFailure.store(
                "Your answer could not be saved: \(error.description)",
                hint: "Your earlier answers are saved. When the problem is fixed, continue with: cares resume \(attempt.moduleID)")
        }
    }

    private func finish(_ attempt: Attempt, session: QuizSession, module: Module) async throws {
        let now = Date()
        let result: QuizResult
        let expires: Date?
        do {
            (result, expires) = try await service.finish(attempt, session: session, module: module, at: now)
        } catch let error as StoreError {
            throw CaresFailure.store(
                "Your result could not be saved: \(error.description)",
                hint: "Every answer is saved. When the problem is fixed, run: cares resume \(attempt.moduleID)")
        }
        let review = module.quiz.feedback == .end ? session.review : []
        renderer.result(result, module: module, learner: learnerID, at: now, expires: expires, review: review)
        if !result.passed {
            let standing = try await service.standing(module)
            if let next = standing.nextAttemptAt, standing.attemptsLeft != 0 {
                console.wrapped(
                    "Review the lessons (and your answers: cares review \(module.id)); your next attempt is possible after \(Formatting.moment(next)).")
            } else if let left = standing.attemptsLeft {
                console.wrapped(
                    left == 0
                        ? "You have no attempts left for this period; your training coordinator can grant another."
                        : "You have \(left) attempt\(left == 1 ? "" : "s") left. Try again with: cares take \(module.id)")
            } else {
                console.wrapped("Review the lessons above and try again with: cares take \(module.id)")
            }
        }
    }

    /// Shows the learner's last finished attempt: score, then every question with its answer and feedback.
    func review(_ module: Module) async throws {
        let filled = module.fillingPlaceholders(site?.facts ?? [:])
        let (attempt, session) = try await service.lastFinished(filled)
        renderer.review(session.review, of: attempt, result: session.result, module: filled)
    }

    /// Reads one line; `:pause` and end of input stop the run (everything is already saved).
    private func readCommand(_ prompt: String, moduleID: String, keepCase: Bool = false) async throws -> String {
        guard let line = await console.ask(prompt) else { throw PauseRequest.during(moduleID: moduleID) }
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.lowercased() == ":pause" || text.lowercased() == ":quit" || text.lowercased() == ":q" {
            throw PauseRequest.during(moduleID: moduleID)
        }
        return keepCase ? text : text.lowercased()
    }

    private func waitForEnter(_ prompt: String, moduleID: String) async throws {
        _ = try await readCommand(prompt, moduleID: moduleID)
    }
}
