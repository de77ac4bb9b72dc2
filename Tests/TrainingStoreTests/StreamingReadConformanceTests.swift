import Foundation
import Testing
import TrainingStore

/// The streaming report reads (#16) on every backend: learners with their attempts, and attempts
/// with their learner, each from one ordered read.
@Suite struct StreamingReadConformanceTests {
    @Test(arguments: Backend.all)
    func learnersComeInIDOrderWithTheirAttempts(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            try await store.saveLearner(
                Learner(id: "rn-b", name: "Bo", email: "bo@example.org", department: "ED", role: "Nurse", fromRoster: true))
            try await store.saveLearner(Learner(id: "rn-c", name: "Cy"))
            try await store.saveLearner(Learner(id: "rn-z", name: "Zed", isActive: false))
            let b2 = Fixture.attempt(learner: "rn-b", module: "reporting", startedAt: 9_000)
            let a2 = Fixture.attempt(learner: "rn-a", module: "responding", startedAt: 1_000)
            let b1 = Fixture.attempt(learner: "rn-b", module: "reporting", startedAt: 2_000)
            let a1 = Fixture.attempt(learner: "rn-a", module: "reporting", startedAt: 5_000)
            let z1 = Fixture.attempt(learner: "rn-z", module: "reporting", startedAt: 5_000)
            for attempt in [b1, b2, a2, a1, z1] {
                try await store.startAttempt(attempt, module: Fixture.module(attempt.moduleID))
                if attempt.id == b1.id {
                    try await store.finishAttempt(
                        id: b1.id, status: .failed, points: 1, maxPoints: 4, scorePercent: 25, at: Fixture.date(2_500))
                }
            }

            var seen: [String] = []
            var failed: Attempt?
            var bo: Learner?
            try await store.forEachLearnerAttempt(learnerID: nil, moduleID: nil, activeOnly: true) { learner, attempt in
                seen.append(learner.id + ":" + (attempt.map { "\($0.moduleID)@\(Fixture.milliseconds($0.startedAt))" } ?? "-"))
                if attempt?.id == b1.id { failed = attempt }
                if learner.id == "rn-b" { bo = learner }
            }
            #expect(
                seen == [
                    "rn-a:reporting@5000", "rn-a:responding@1000", "rn-b:reporting@2000", "rn-b:reporting@9000", "rn-c:-",
                ], "by learner, module, then start; a learner without attempts once; inactive ones left out")
            #expect(failed?.status == .failed)
            #expect(failed?.scorePercent == 25)
            #expect(failed?.points == 1)
            #expect(failed?.maxPoints == 4)
            #expect(failed.map { Fixture.milliseconds($0.finishedAt ?? .distantPast) } == 2_500)
            #expect(failed?.learnerID == "rn-b")
            #expect(failed?.moduleVersion == "1.0.0")
            #expect(bo?.name == "Bo" && bo?.email == "bo@example.org" && bo?.department == "ED" && bo?.role == "Nurse")
            #expect(bo?.fromRoster == true && bo?.isActive == true)

            seen = []
            try await store.forEachLearnerAttempt(learnerID: nil, moduleID: "responding", activeOnly: false) { learner, attempt in
                seen.append(learner.id + ":" + (attempt?.moduleID ?? "-"))
            }
            #expect(seen == ["rn-a:responding", "rn-b:-", "rn-c:-", "rn-z:-"], "the module filter keeps every learner")
            seen = []
            try await store.forEachLearnerAttempt(learnerID: "rn-b", moduleID: nil, activeOnly: true) { learner, attempt in
                seen.append(learner.id + ":" + (attempt?.moduleID ?? "-"))
            }
            #expect(seen == ["rn-b:reporting", "rn-b:reporting"])

            struct Stop: Error {}
            var count = 0
            do {
                try await store.forEachLearnerAttempt(learnerID: nil, moduleID: nil, activeOnly: false) { _, _ in
                    count += 1
                    throw Stop()
                }
                Issue.record("the body's error stops the read")
            } catch is Stop {}
            #expect(count == 1)
        }
    }

    @Test(arguments: Backend.all)
    func attemptsComeInReportOrderWithTheirLearner(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let b1 = Fixture.attempt(learner: "rn-b", module: "reporting", startedAt: 2_000, osUser: "bo", host: "ward-1")
            let a1 = Fixture.attempt(learner: "rn-a", module: "reporting", startedAt: 5_000)
            let a2 = Fixture.attempt(learner: "rn-a", module: "responding", startedAt: 1_000)
            for attempt in [b1, a2, a1] { try await store.startAttempt(attempt, module: Fixture.module(attempt.moduleID)) }
            try await store.saveLearner(Learner(id: "rn-b", name: "Bo", department: "ED"))

            var seen: [String] = []
            var full: Attempt?
            try await store.forEachAttemptWithLearner(AttemptQuery()) { attempt, learner in
                seen.append("\(attempt.learnerID)/\(attempt.moduleID)/\(learner?.id ?? "-")/\(learner?.name ?? "-")")
                if attempt.id == b1.id { full = attempt }
            }
            #expect(seen == ["rn-a/reporting/rn-a/-", "rn-a/responding/rn-a/-", "rn-b/reporting/rn-b/Bo"])
            #expect(full.map(Fixture.normalized) == Fixture.normalized(b1), "every attempt column")

            seen = []
            try await store.forEachAttemptWithLearner(AttemptQuery(moduleID: "reporting", startedFrom: Fixture.date(3_000))) {
                attempt, learner in seen.append("\(attempt.learnerID)/\(learner?.department ?? "-")")
            }
            #expect(seen == ["rn-a/-"])
        }
    }
}
