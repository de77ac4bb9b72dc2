import Foundation
import TrainingKit
import TrainingStore

/// Runs an attempt in the terminal: intro, lessons, questions with feedback, result.
///
/// Each answer is committed to the store before its feedback is shown; `:pause`, end of input
/// and Ctrl-C stop cleanly and `cares resume` continues at the next unanswered question.
final class TrainingRunner {
    let console: Console
    let store: any CompletionStore
    let learnerID: String
    let site: Site?
    /// A seed for new attempts instead of a random one (tests and reproducible demos only).
    var fixedSeed: UInt64?
    private var renderer: ScreenRenderer { ScreenRenderer(console: console) }

    init(console: Console, store: any CompletionStore, learnerID: String, site: Site?) {
        self.console = console
        self.store = store
        self.learnerID = learnerID
        self.site = site
    }

    /// Starts a new attempt at the module, or continues the one in progress.
    func take(_ module: Module) async throws {
        if let open = try await store.inProgressAttempts(learnerID: learnerID).first(where: { $0.moduleID == module.id }) {
            console.wrapped("You have an unfinished attempt at this module; continuing where you stopped.", style: .dim)
            try await continueAttempt(open, module: module)
            return
        }
        let attempt = try await startAttempt(module)
        try await run(attempt, module: module, showIntro: true, answers: [:])
    }

    /// Continues an attempt in progress, or starts afresh when the module changed since it began.
    func continueAttempt(_ attempt: Attempt, module: Module) async throws {
        guard attempt.contentHash == module.contentHash else {
            console.wrapped(
                "The module \"\(module.title)\" has changed since you started this attempt, so a fresh attempt starts now. "
                    + "(Your earlier answers are kept on record as an abandoned attempt and do not count against you.)")
            try await store.abandonAttempt(id: attempt.id, at: Date())
            let fresh = try await startAttempt(module)
            try await run(fresh, module: module, showIntro: true, answers: [:])
            return
        }
        var marks: [String: Mark] = [:]
        for response in try await store.responses(attemptID: attempt.id) {
            marks[response.questionID] = Mark(
                points: response.points, maxPoints: response.maxPoints, isCorrect: response.isCorrect,
                canonicalAnswer: response.answer, skipped: response.skipped)
        }
        try await run(attempt, module: module, showIntro: marks.isEmpty, answers: marks)
    }

    /// Checks the attempt limit and records a new attempt with a fresh seed.
    private func startAttempt(_ module: Module) async throws -> Attempt {
        let standing = try await store.standing(
            learnerID: learnerID, moduleID: module.id, currentVersion: module.version.description,
            validForDays: module.validForDays, maxAttempts: module.maxAttempts)
        if standing.isOutOfAttempts {
            throw CaresFailure.refused(
                "You have used all \(standing.attemptsAllowed ?? 0) attempts at \"\(module.title)\" for this period.",
                hint: "Ask your training coordinator for another attempt (cares attempts grant).")
        }
        if standing.state == .passed, let pass = standing.lastPass {
            let until = standing.expiresAt.map { ", valid until \(Formatting.day($0))" } ?? ""
            console.wrapped(
                "You passed this module on \(Formatting.day(pass.finishedAt ?? pass.startedAt))\(until). "
                    + "This attempt is extra practice; your best result counts.", style: .dim)
        }
        let seed = fixedSeed ?? UInt64.random(in: UInt64.min...UInt64.max)
        let plan = QuizPlan(module: module, seed: seed)
        let attempt = Attempt(
            learnerID: learnerID, moduleID: module.id, moduleVersion: module.version.description,
            contentHash: module.contentHash, seed: seed, questionCount: plan.questions.count,
            osUser: SystemIdentity.userName, host: SystemIdentity.hostName)
        let snapshot = ModuleSnapshot(
            moduleID: module.id, version: module.version.description, title: module.title, contentHash: module.contentHash,
            passMark: module.passMark, validForDays: module.validForDays, maxAttempts: module.maxAttempts)
        try await store.startAttempt(attempt, module: snapshot)
        return attempt
    }

    private func run(_ attempt: Attempt, module raw: Module, showIntro: Bool, answers: [String: Mark]) async throws {
        let module = raw.fillingPlaceholders(site?.facts ?? [:])
        InterruptHandler.setMessage(
            "\n\nStopped. Your answers so far are saved.\nTo continue later: cares resume \(module.id)\n")
        var session = QuizSession(module: module, seed: attempt.seed, marks: answers)
        if showIntro {
            renderer.intro(module, site: site)
            try await waitForEnter("Press Enter to start, or :pause to stop here.", moduleID: module.id)
            try await lessons(module)
        } else {
            console.line()
            console.wrapped("\(module.title) — continuing at question \(session.answeredCount + 1) of \(session.plan.questions.count).", style: .bold)
        }
        while let index = session.nextIndex {
            let (mark, feedback) = try await ask(session: session, index: index, module: module)
            let planned = session.plan.questions[index]
            try await save(mark, question: planned.question, position: index + 1, attempt: attempt)
            session.record(mark, for: planned.question.id)
            renderer.feedback(feedback)
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
        let response = Response(
            attemptID: attempt.id, questionID: question.id, answer: mark.canonicalAnswer, isCorrect: mark.isCorrect,
            points: mark.points, maxPoints: mark.maxPoints, skipped: mark.skipped, position: position)
        do {
            try await store.recordResponse(response)
        } catch StoreError.duplicateResponse {
            return
        } catch let error as StoreError {
            throw CaresFailure.store(
                "Your answer could not be saved: \(error.description)",
                hint: "Your earlier answers are saved. When the problem is fixed, continue with: cares resume \(attempt.moduleID)")
        }
    }

    private func finish(_ attempt: Attempt, session: QuizSession, module: Module) async throws {
        let result = session.result
        let now = Date()
        do {
            try await store.finishAttempt(
                id: attempt.id, status: result.passed ? .passed : .failed, points: result.points, maxPoints: result.maxPoints,
                scorePercent: result.percent, at: now)
        } catch let error as StoreError {
            throw CaresFailure.store(
                "Your result could not be saved: \(error.description)",
                hint: "Every answer is saved. When the problem is fixed, run: cares resume \(attempt.moduleID)")
        }
        let expires = module.validForDays.map { now.addingTimeInterval(Double($0) * 86_400) }
        renderer.result(result, module: module, learner: learnerID, at: now, expires: expires)
        if !result.passed {
            let standing = try await store.standing(
                learnerID: learnerID, moduleID: module.id, currentVersion: module.version.description,
                validForDays: module.validForDays, maxAttempts: module.maxAttempts)
            if let left = standing.attemptsLeft {
                console.wrapped(
                    left == 0
                        ? "You have no attempts left for this period; your training coordinator can grant another."
                        : "You have \(left) attempt\(left == 1 ? "" : "s") left. Try again with: cares take \(module.id)")
            } else {
                console.wrapped("Review the lessons above and try again with: cares take \(module.id)")
            }
        }
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
