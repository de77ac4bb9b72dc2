import Foundation
import TrainingKit
import TrainingService
import TrainingStore
import XCTest

/// Retakes: the draw prefers units not seen in the period, and `retake_after_hours` makes a learner wait after a fail.
final class RetakeTests: XCTestCase {
    /// Six single-choice units, three drawn per attempt.
    static func module(retakeAfterHours: Int? = nil, maxAttempts: Int? = nil) throws -> Module {
        let questions = (1...6).map { number in
            """
                - id: q\(number)
                  type: single
                  objective: privacy
                  prompt: Question \(number)
                  choices:
                    - {text: Right, correct: true, feedback: Yes.}
                    - {text: Wrong, feedback: No.}
            """
        }.joined(separator: "\n")
        let yaml = """
            id: pool
            version: 1.0.0
            title: Pool
            summary: A pool of six, three drawn.
            pass_mark: 100
            \(retakeAfterHours.map { "retake_after_hours: \($0)" } ?? "")
            \(maxAttempts.map { "max_attempts: \($0)" } ?? "")
            sources: [Test source]
            objectives:
              - id: privacy
                text: Make space to talk alone
            lessons:
              - id: one
                title: One
                objectives: [privacy]
                body: Some text.
            quiz:
              draw: 3
              questions:
            \(questions)
            """
        let result = ModuleLoader().loadModule(source: SourceText(yaml), path: "pool.yaml", site: nil)
        return try XCTUnwrap(result.module, result.diagnostics.map(\.headline).joined(separator: "\n"))
    }

    /// Starts an attempt, skips every question and finishes it at `now`; returns the questions asked.
    @discardableResult
    func failAttempt(_ service: AttemptService, module: Module, seed: UInt64, now: Date = Date()) async throws -> [String] {
        let opened = try await service.begin(module, seed: seed, now: now)
        var session = QuizSession(module: module, plan: try await service.plan(of: opened.attempt, module: module))
        while let index = session.nextIndex {
            let (mark, _) = try XCTUnwrap(session.evaluateSkip(at: index))
            let question = session.plan.questions[index].question
            try await service.record(mark, for: question, position: index + 1, in: opened.attempt)
            session.record(mark, for: question.id)
        }
        XCTAssertFalse(session.result.passed)
        try await service.finish(opened.attempt, session: session, module: module, at: now)
        return session.plan.questions.map(\.question.id)
    }

    func testARetakeDrawsUnitsNotSeenInThePeriod() async throws {
        let module = try Self.module()
        let service = AttemptService(store: try SQLiteStore.inMemory(), learnerID: "rn-1")
        let first = try await failAttempt(service, module: module, seed: 7)
        XCTAssertEqual(first, QuizPlan(module: module, seed: 7).questions.map(\.question.id), "no history: the seed's own plan")
        let second = try await failAttempt(service, module: module, seed: 7)
        XCTAssertEqual(Set(first).intersection(second), [], "the retake avoids the units of the first attempt: \(first) \(second)")
        XCTAssertEqual(Set(first + second).count, 6)

        // The plan of a finished attempt is drawn the same way again (for review and reports).
        let attempts = try await service.store.attempts(learnerID: "rn-1", moduleID: "pool")
        let again = try await service.plan(of: attempts[1], module: module)
        XCTAssertEqual(again.questions.map(\.question.id), second)

        // Every unit seen: the third attempt draws from the whole pool in the seed's order.
        let third = try await failAttempt(service, module: module, seed: 7)
        XCTAssertEqual(third.count, 3)
    }

    func testAnotherLearnerOrAnotherModuleVersionIsNoHistory() async throws {
        let module = try Self.module()
        let store = try SQLiteStore.inMemory()
        try await failAttempt(AttemptService(store: store, learnerID: "rn-1"), module: module, seed: 7)
        let other = try await failAttempt(AttemptService(store: store, learnerID: "rn-2"), module: module, seed: 7)
        XCTAssertEqual(other, QuizPlan(module: module, seed: 7).questions.map(\.question.id))
    }

    func testTheCoolDownRefusesThenAllows() async throws {
        let module = try Self.module(retakeAfterHours: 24, maxAttempts: 3)
        let service = AttemptService(store: try SQLiteStore.inMemory(), learnerID: "rn-1")
        let failedAt = Date(timeIntervalSince1970: 1_800_000_000)
        try await failAttempt(service, module: module, seed: 1, now: failedAt)

        let standing = try await service.standing(module, now: failedAt.addingTimeInterval(3_600))
        XCTAssertEqual(standing.nextAttemptAt, failedAt.addingTimeInterval(24 * 3_600))
        do {
            _ = try await service.begin(module, seed: 2, now: failedAt.addingTimeInterval(23 * 3_600))
            XCTFail("a new attempt within the cool-down is refused")
        } catch ServiceError.refused(let message, let hint) {
            let local = ReportTime().moment(failedAt.addingTimeInterval(24 * 3_600))
            XCTAssertTrue(message.contains("possible after \(local) (local time)"), message)
            XCTAssertTrue(hint?.contains("24 hours") == true, hint ?? "")
        }
        let attempts = try await service.store.attempts(learnerID: "rn-1", moduleID: "pool")
        XCTAssertEqual(attempts.count, 1, "a refused attempt is not recorded")

        let later = failedAt.addingTimeInterval(24 * 3_600 + 1)
        let after = try await service.standing(module, now: later)
        XCTAssertNil(after.nextAttemptAt)
        let opened = try await service.begin(module, seed: 2, now: later)
        XCTAssertEqual(opened.attempt.startedAt.timeIntervalSince1970, later.timeIntervalSince1970, accuracy: 0.001)
    }

    func testNoCoolDownWithoutTheKey() async throws {
        let module = try Self.module()
        let service = AttemptService(store: try SQLiteStore.inMemory(), learnerID: "rn-1")
        let now = Date()
        try await failAttempt(service, module: module, seed: 1, now: now)
        let standing = try await service.standing(module, now: now)
        XCTAssertNil(standing.nextAttemptAt)
        _ = try await service.begin(module, seed: 2, now: now)
    }
}
