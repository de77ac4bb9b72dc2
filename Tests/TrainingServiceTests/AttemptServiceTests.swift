import Foundation
import TrainingKit
import TrainingService
import TrainingStore
import XCTest

/// The whole take flow in-process: begin, answer, pause, resume, finish, limits and content changes,
/// against an in-memory store, with the real quiz session deciding the marks.
final class AttemptServiceTests: XCTestCase {
    static func module(version: String = "1.0.0", maxAttempts: Int? = 2, prompt: String = "Pick one") throws -> Module {
        let yaml = """
            id: triage
            version: \(version)
            title: Triage
            summary: A small module for the service tests.
            pass_mark: 100
            valid_for_days: 365
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
              shuffle: false
              questions:
                - id: q1
                  type: single
                  objective: privacy
                  prompt: \(prompt)
                  choices:
                    - {text: Right, correct: true, feedback: Yes.}
                    - {text: Wrong, feedback: No.}
                - id: q2
                  type: true-false
                  objective: privacy
                  prompt: A companion may interpret.
                  answer: false
                  feedback: {correct: Right., incorrect: Not so.}
            """
        let result = ModuleLoader().loadModule(source: SourceText(yaml), path: "triage.yaml", site: nil)
        return try XCTUnwrap(result.module, result.diagnostics.map(\.headline).joined(separator: "\n"))
    }

    /// Answers the open attempt's remaining questions with `inputs` (in plan order), optionally stopping early.
    func answer(
        _ opened: OpenedAttempt, module: Module, service: AttemptService, inputs: [String], stopAfter: Int? = nil
    ) async throws -> QuizSession {
        var session = QuizSession(module: module, seed: opened.attempt.seed, marks: opened.marks)
        var given = 0
        while let index = session.nextIndex, given < (stopAfter ?? .max) {
            guard case .success(let (_, mark, _)) = session.evaluate(inputs[index], at: index) else {
                XCTFail("input \(inputs[index]) not understood")
                break
            }
            let question = session.plan.questions[index].question
            try await service.record(mark, for: question, position: index + 1, in: opened.attempt)
            session.record(mark, for: question.id)
            given += 1
        }
        return session
    }

    func testAPassIsRecordedFromTheAnswersAndExpiresWithThePolicy() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let module = try Self.module()
        let service = AttemptService(store: store, learnerID: "rn-1", osUser: "ana", host: "ward-3")
        let opened = try await service.begin(module, seed: 7)
        guard case .started(let before) = opened.origin else { return XCTFail("expected a new attempt") }
        XCTAssertEqual(before.state, .notStarted)
        XCTAssertTrue(opened.isFresh)
        let session = try await answer(opened, module: module, service: service, inputs: ["a", "f"])
        let now = Date()
        let expires = try await service.finish(opened.attempt, session: session, module: module, at: now).expires
        XCTAssertEqual(expires, now.addingTimeInterval(365 * 86_400))
        let stored = try await store.attempt(id: opened.attempt.id)
        XCTAssertEqual(stored?.status, .passed)
        XCTAssertEqual(stored?.osUser, "ana")
        let value1 = try await store.responses(attemptID: opened.attempt.id).map(\.questionID)
        XCTAssertEqual(value1, ["q1", "q2"])
        let snapshot = try await store.moduleSnapshot(moduleID: "triage", version: "1.0.0")
        XCTAssertEqual(snapshot?.contentHash, module.contentHash)
        let after = try await service.standing(module)
        XCTAssertEqual(after.state, .passed)
        // Another attempt after a pass is practice: it starts, and says where the learner stood.
        let practice = try await service.begin(module, seed: 8)
        guard case .started(let standing) = practice.origin else { return XCTFail("expected a practice attempt") }
        XCTAssertEqual(standing.state, .passed)
    }

    /// Issue #18 item 1: the same attempt in two terminals. The second answer to a question is
    /// refused (no verdict shown for it), and the result is computed from the stored answers.
    func testTwoTerminalsOnOneAttemptNeverShowAVerdictThatWasNotStored() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let module = try Self.module()
        let first = AttemptService(store: store, learnerID: "rn-1")
        let second = AttemptService(store: store, learnerID: "rn-1")
        let a = try await first.begin(module, seed: 7)
        let b = try await second.begin(module, seed: 7)
        XCTAssertEqual(a.attempt.id, b.attempt.id, "the second terminal continues the same attempt")
        var sessionA = QuizSession(module: module, seed: 7, marks: a.marks)
        var sessionB = QuizSession(module: module, seed: 7, marks: b.marks)
        let q1 = sessionA.plan.questions[0].question
        // Terminal A answers the first question wrongly and it is stored.
        guard case .success(let (_, wrong, _)) = sessionA.evaluate("b", at: 0) else { return XCTFail("input") }
        try await first.record(wrong, for: q1, position: 1, in: a.attempt)
        sessionA.record(wrong, for: q1.id)
        // Terminal B answers the same question rightly: refused, nothing stored, no verdict to show.
        guard case .success(let (_, right, _)) = sessionB.evaluate("a", at: 0) else { return XCTFail("input") }
        do {
            try await second.record(right, for: q1, position: 1, in: b.attempt)
            XCTFail("the second answer to a question must be refused")
        } catch ServiceError.refused(let message, _) {
            XCTAssertTrue(message.contains("another terminal"), message)
        }
        sessionB.record(right, for: q1.id)
        // Terminal B answers the last question and finishes: the result is the stored answers' (1 of 2).
        let q2 = sessionB.plan.questions[1].question
        guard case .success(let (_, rightToo, _)) = sessionB.evaluate("f", at: 1) else { return XCTFail("input") }
        try await second.record(rightToo, for: q2, position: 2, in: b.attempt)
        sessionB.record(rightToo, for: q2.id)
        XCTAssertTrue(sessionB.result.passed, "in memory, terminal B believes it passed")
        let finished = try await second.finish(b.attempt, session: sessionB, module: module)
        XCTAssertFalse(finished.result.passed)
        XCTAssertEqual(finished.result.points, 1)
        let stored = try await store.attempt(id: a.attempt.id)
        XCTAssertEqual(stored?.status, .failed)
        XCTAssertEqual(stored?.points, 1)
        let responses = try await store.responses(attemptID: a.attempt.id)
        XCTAssertEqual(responses.map(\.points).reduce(0, +), stored?.points)
        // Terminal A then tries to finish the attempt B closed: refused, and the record stays as stored.
        do {
            _ = try await first.finish(a.attempt, session: sessionA, module: module)
            XCTFail("finishing a closed attempt must be refused")
        } catch ServiceError.refused {}
        let unchanged = try await store.attempt(id: a.attempt.id)
        XCTAssertEqual(unchanged?.status, .failed)
    }

    func testAPausedAttemptContinuesAtTheNextQuestion() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let module = try Self.module()
        let service = AttemptService(store: store, learnerID: "rn-1")
        let opened = try await service.begin(module, seed: 7)
        _ = try await answer(opened, module: module, service: service, inputs: ["a", "f"], stopAfter: 1)
        let unfinished = try await service.unfinished()
        XCTAssertEqual(unfinished.map(\.answered), [1])
        let again = try await service.begin(module, seed: 99)
        guard case .continued = again.origin else { return XCTFail("expected the same attempt to continue") }
        XCTAssertEqual(again.attempt.id, opened.attempt.id)
        XCTAssertEqual(again.attempt.seed, 7, "a continued attempt keeps its seed")
        XCTAssertEqual(Array(again.marks.keys), ["q1"])
        let session = try await answer(again, module: module, service: service, inputs: ["a", "t"])
        XCTAssertEqual(session.answeredCount, 2)
        try await service.finish(again.attempt, session: session, module: module)
        let value2 = try await store.attempt(id: opened.attempt.id)?.status
        XCTAssertEqual(value2, .failed)
        let value3 = try await service.unfinished().count
        XCTAssertEqual(value3, 0)
    }

    func testAChangedModuleAbandonsTheUnfinishedAttemptAndStartsAfresh() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let service = AttemptService(store: store, learnerID: "rn-1")
        let first = try await service.begin(try Self.module(), seed: 7)
        let changed = try Self.module(prompt: "Pick the right one")
        let opened = try await service.resume(first.attempt, module: changed, seed: 8)
        guard case .restartedAfterChange = opened.origin else { return XCTFail("expected a fresh attempt") }
        XCTAssertNotEqual(opened.attempt.id, first.attempt.id)
        let value4 = try await store.attempt(id: first.attempt.id)?.status
        XCTAssertEqual(value4, .abandoned)
        XCTAssertEqual(opened.attempt.contentHash, changed.contentHash)
    }

    func testAttemptsRunOutPerPeriodAndAGrantGivesOneMore() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let module = try Self.module(maxAttempts: 2)
        try await store.saveLearner(Learner(id: "rn-1"))
        let service = AttemptService(store: store, learnerID: "rn-1")
        for _ in 0..<2 {
            let opened = try await service.begin(module, seed: 7)
            let session = try await answer(opened, module: module, service: service, inputs: ["b", "t"])
            try await service.finish(opened.attempt, session: session, module: module)
        }
        do {
            _ = try await service.begin(module, seed: 7)
            XCTFail("a third attempt must be refused")
        } catch ServiceError.refused(let message, let hint) {
            XCTAssertEqual(message, "You have used all 2 attempts at \"Triage\" for this period.")
            XCTAssertEqual(hint, "Ask your training coordinator for another attempt (cares attempts grant).")
        }
        let directory = ModuleDirectory(modules: [module], snapshots: [])
        let known = try XCTUnwrap(directory.module(id: "triage"))
        let standing = try await LearnerAdministration(store: store, osUser: "coord").grant(learnerID: "rn-1", module: known, reason: "Power cut")
        XCTAssertEqual(standing.attemptsLeft, 1)
        let opened = try await service.begin(module, seed: 7)
        guard case .started = opened.origin else { return XCTFail("the grant allows one more attempt") }
    }

    func testAMajorVersionMakesAnEarlierPassDueAgain() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let service = AttemptService(store: store, learnerID: "rn-1")
        let v1 = try Self.module(version: "1.4.0")
        let opened = try await service.begin(v1, seed: 7)
        let session = try await answer(opened, module: v1, service: service, inputs: ["a", "f"])
        try await service.finish(opened.attempt, session: session, module: v1)
        let value5 = try await service.standing(try Self.module(version: "1.5.0")).state
        XCTAssertEqual(value5, .passed)
        let value6 = try await service.standing(try Self.module(version: "2.0.0")).state
        XCTAssertEqual(value6, .outdated)
    }
}
