import Foundation
import TrainingKit
import TrainingStore

/// The rules of one learner's attempts: begin or continue, record each answer, finish.
///
/// Everything a front end needs to run a quiz goes through here, so the terminal runner only prompts
/// and prints, and the whole flow runs in tests against an in-memory store.
public struct AttemptService: Sendable {
    public let store: any CompletionStore
    public let learnerID: String
    /// Who is at the keyboard, recorded with each attempt.
    public var osUser: String
    public var host: String

    public init(
        store: any CompletionStore, learnerID: String, osUser: String = SystemIdentity.userName,
        host: String = SystemIdentity.hostName
    ) {
        self.store = store
        self.learnerID = learnerID
        self.osUser = osUser
        self.host = host
    }

    /// Continues the learner's unfinished attempt at the module, or starts a new one with `seed` (random when nil).
    ///
    /// Throws `ServiceError.refused` when the attempts of the current period are used up.
    public func begin(_ module: Module, seed: UInt64? = nil, now: Date = Date()) async throws -> OpenedAttempt {
        if let open = try await store.inProgressAttempts(learnerID: learnerID).first(where: { $0.moduleID == module.id }) {
            return try await resume(open, module: module, seed: seed)
        }
        return try await start(module, seed: seed, now: now)
    }

    /// Continues an attempt in progress, or starts afresh when the module changed since it began.
    public func resume(_ attempt: Attempt, module: Module, seed: UInt64? = nil) async throws -> OpenedAttempt {
        guard attempt.contentHash == module.contentHash else {
            try await store.abandonAttempt(id: attempt.id, at: Date())
            var fresh = try await start(module, seed: seed)
            if case .started(let standing) = fresh.origin { fresh.origin = .restartedAfterChange(standing: standing) }
            return fresh
        }
        return OpenedAttempt(attempt: attempt, marks: try await marks(of: attempt), origin: .continued)
    }

    /// The learner's unfinished attempts with how many questions each has answered, oldest first.
    public func unfinished(moduleID: String? = nil) async throws -> [(attempt: Attempt, answered: Int)] {
        var result: [(attempt: Attempt, answered: Int)] = []
        for attempt in try await store.inProgressAttempts(learnerID: learnerID) where moduleID.map({ $0 == attempt.moduleID }) ?? true {
            result.append((attempt, try await store.responses(attemptID: attempt.id).count))
        }
        return result
    }

    /// Commits one answer before its feedback is shown.
    ///
    /// Throws `ServiceError.refused` when another terminal already answered the question in the same
    /// attempt: that stored answer stands, and no verdict may be shown for this one.
    public func record(_ mark: Mark, for question: Question, position: Int, in attempt: Attempt) async throws {
        let response = Response(
            attemptID: attempt.id, questionID: question.id, answer: mark.canonicalAnswer, isCorrect: mark.isCorrect,
            points: mark.points, maxPoints: mark.maxPoints, skipped: mark.skipped, position: position)
        do {
            try await store.recordResponse(response)
        } catch StoreError.duplicateResponse {
            throw Self.takenOver(attempt)
        } catch StoreError.attemptNotInProgress {
            throw Self.closed(attempt)
        }
    }

    /// Closes the attempt with the result of its **stored** answers (the truth, whatever this process
    /// holds in memory); returns that result and when the pass expires (nil: never, or not passed).
    ///
    /// `session` gives the plan (the questions asked); `module` is the module as the learner saw it.
    @discardableResult
    public func finish(
        _ attempt: Attempt, session: QuizSession, module: Module, at now: Date = Date()
    ) async throws -> (result: QuizResult, expires: Date?) {
        let result = QuizResult.compute(module: module, plan: session.plan, marks: try await marks(of: attempt))
        do {
            try await store.finishAttempt(
                id: attempt.id, status: result.passed ? .passed : .failed, points: result.points,
                maxPoints: result.maxPoints, scorePercent: result.percent, at: now)
        } catch StoreError.attemptNotInProgress {
            throw Self.closed(attempt)
        }
        return (result, result.passed ? ModulePolicy(module).expiry(ofPassAt: now) : nil)
    }

    /// The refusal when the attempt was closed meanwhile: finished in another terminal, or voided.
    static func closed(_ attempt: Attempt) -> ServiceError {
        .refused(
            "This attempt was closed meanwhile (finished in another terminal, or voided), so nothing more was saved and no result is shown here.",
            hint: "See where you stand with: cares list")
    }

    /// The refusal when another terminal answered the same question of the same attempt first.
    static func takenOver(_ attempt: Attempt) -> ServiceError {
        .refused(
            "This attempt was continued in another terminal, so this answer was not saved and no result is shown here.",
            hint: "Use one terminal at a time; see where you stand with: cares list (or continue with: cares resume \(attempt.moduleID))")
    }

    /// The questions `attempt` asks (or asked) of `module`, drawn again from its seed and the learner's history.
    ///
    /// A retake prefers units not seen in the current period: the units of the learner's earlier
    /// attempts at the same content (same hash) in the attempt's period are avoided where the pool
    /// allows. They are found by drawing those attempts' plans again from their stored seeds, oldest
    /// first, each with the units of the ones before it avoided — so nothing extra is stored, and the
    /// same attempt always gets the same plan. Pass the module as the learner sees it (placeholders
    /// filled); it must have the attempt's content hash.
    public func plan(of attempt: Attempt, module: Module) async throws -> QuizPlan {
        let all = try await store.attempts(learnerID: learnerID, moduleID: module.id)
        let before = Array(all.prefix { $0.id != attempt.id })
        let periodStart = ModuleStanding.compute(attempts: before, policy: ModulePolicy(module), now: attempt.startedAt).periodStart
        let earlier = before.filter { $0.contentHash == module.contentHash && $0.startedAt >= periodStart }
        return QuizPlan(module: module, seed: attempt.seed, after: earlier.map(\.seed))
    }

    /// The learner's last finished attempt at the module, as a session holding its stored answers, for a review.
    ///
    /// Throws `ServiceError.refused` while an attempt is in progress, when there is no finished
    /// attempt, and when the module has changed since (the questions asked can no longer be shown).
    public func lastFinished(_ module: Module) async throws -> (attempt: Attempt, session: QuizSession) {
        let attempts = try await store.attempts(learnerID: learnerID, moduleID: module.id)
        if attempts.contains(where: { $0.status == .inProgress }) {
            throw ServiceError.refused(
                "You have an unfinished attempt at \"\(module.title)\"; answers are shown once it is finished.",
                hint: "Finish it first: cares resume \(module.id)")
        }
        guard let last = attempts.last(where: { $0.status.countsAsAttempt }) else {
            throw ServiceError.refused(
                "You have no finished attempt at \"\(module.title)\" to review.", hint: "Take it with: cares take \(module.id)")
        }
        guard last.contentHash == module.contentHash else {
            throw ServiceError.refused(
                "\"\(module.title)\" has changed since your last attempt, so its questions can no longer be shown.",
                hint: "Your result is still on record; cares list shows it.")
        }
        let plan = try await plan(of: last, module: module)
        return (last, QuizSession(module: module, plan: plan, marks: try await marks(of: last)))
    }

    /// Where the learner stands with the module now.
    public func standing(_ module: Module, now: Date = Date()) async throws -> ModuleStanding {
        try await store.standing(learnerID: learnerID, moduleID: module.id, policy: ModulePolicy(module), now: now)
    }

    /// Checks the attempt limit and the cool-down, and records a new attempt with its module snapshot.
    private func start(_ module: Module, seed: UInt64?, now: Date = Date()) async throws -> OpenedAttempt {
        let standing = try await standing(module, now: now)
        if standing.isOutOfAttempts {
            throw ServiceError.refused(
                "You have used all \(standing.attemptsAllowed ?? 0) attempts at \"\(module.title)\" for this period.",
                hint: "Ask your training coordinator for another attempt (cares attempts grant).")
        }
        if let next = standing.nextAttemptAt {
            throw ServiceError.refused(
                "Your next attempt at \"\(module.title)\" is possible after \(ReportTime().moment(next)) (local time).",
                hint: "After a failed attempt this module asks you to wait \(module.retakeAfterHours ?? 0) hours; review the lessons meanwhile (cares review \(module.id)).")
        }
        let seed = seed ?? UInt64.random(in: UInt64.min...UInt64.max)
        var attempt = Attempt(
            learnerID: learnerID, moduleID: module.id, moduleVersion: module.version.description,
            contentHash: module.contentHash, seed: seed, questionCount: 0, startedAt: now, osUser: osUser, host: host)
        attempt.questionCount = try await plan(of: attempt, module: module).questions.count
        try await store.startAttempt(attempt, module: ModulePolicy.snapshot(of: module))
        return OpenedAttempt(attempt: attempt, marks: [:], origin: .started(standing: standing))
    }

    /// The stored answers of an attempt as marks, by question id.
    private func marks(of attempt: Attempt) async throws -> [String: Mark] {
        var marks: [String: Mark] = [:]
        for response in try await store.responses(attemptID: attempt.id) {
            marks[response.questionID] = Mark(
                points: response.points, maxPoints: response.maxPoints, isCorrect: response.isCorrect,
                canonicalAnswer: response.answer, skipped: response.skipped)
        }
        return marks
    }
}
