import Foundation
import Testing
import TrainingStore

/// Behaviour every `CompletionStore` backend must share: each test runs once per backend in
/// `Backend.all` (SQLite always; PostgreSQL when `CARES_TEST_POSTGRES_URL` is set, and always under
/// `CI=true`, where a missing server fails instead of skipping). The tests use only the protocol, so
/// they run unchanged against both; dates are compared to the millisecond, the precision every
/// backend keeps.
@Suite struct CompletionStoreConformanceTests {

    // MARK: Learners

    @Test(arguments: Backend.all)
    func saveFetchAndUpdateLearner(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let missing = try await store.learner(id: "rn-4471")
            #expect(missing == nil)

            let created = Fixture.date(1_700_000_000_000)
            var learner = Learner(
                id: "rn-4471", name: "Ana Ruiz", email: "ana@example.org", department: "Emergency", role: "Nurse",
                isActive: true, fromRoster: true, createdAt: created, updatedAt: created)
            try await store.saveLearner(learner)
            let saved = try await store.learner(id: "rn-4471")
            #expect(saved.map(Fixture.normalized) == Fixture.normalized(learner))

            learner.name = "Ana Ruiz-Ortega"
            learner.email = nil
            learner.isActive = false
            learner.createdAt = Fixture.date(1_800_000_000_000)
            learner.updatedAt = Fixture.date(1_700_000_500_000)
            try await store.saveLearner(learner)
            let updated = try await store.learner(id: "rn-4471")
            #expect(updated?.name == "Ana Ruiz-Ortega")
            #expect(updated?.email == nil)
            #expect(updated?.isActive == false)
            #expect(updated.map { Fixture.milliseconds($0.createdAt) } == 1_700_000_000_000, "createdAt is kept")
            #expect(updated.map { Fixture.milliseconds($0.updatedAt) } == 1_700_000_500_000)
            let all = try await store.learners()
            #expect(all.count == 1)
        }
    }

    @Test(arguments: Backend.all)
    func learnersAreOrderedByIDAndRosterIsDetected(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let empty = try await store.learners()
            #expect(empty == [])
            var hasRoster = try await store.hasRoster()
            #expect(!hasRoster)

            for id in ["sw-02", "md-10", "rn-01"] { try await store.saveLearner(Learner(id: id)) }
            let ids = try await store.learners().map(\.id)
            #expect(ids == ["md-10", "rn-01", "sw-02"])
            hasRoster = try await store.hasRoster()
            #expect(!hasRoster, "learners from first use are not a roster")

            try await store.saveLearner(Learner(id: "hr-07", name: "Kim Lee", fromRoster: true))
            hasRoster = try await store.hasRoster()
            #expect(hasRoster)
        }
    }

    // MARK: Attempts

    @Test(arguments: Backend.all)
    func startAttemptRecordsAttemptSnapshotAndLearner(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let attempt = Fixture.attempt(learner: "rn-4471", module: "recognising-signs", osUser: "ana", host: "ward-3")
            try await store.startAttempt(attempt, module: Fixture.module("recognising-signs"))

            let stored = try await store.attempt(id: attempt.id)
            #expect(stored.map(Fixture.normalized) == Fixture.normalized(attempt))
            let snapshot = try await store.moduleSnapshot(moduleID: "recognising-signs", version: "1.0.0")
            #expect(snapshot == Fixture.module("recognising-signs"))
            let learner = try await store.learner(id: "rn-4471")
            #expect(learner?.id == "rn-4471")
            #expect(learner?.fromRoster == false)
            #expect(learner?.isActive == true)
            let unknown = try await store.attempt(id: UUID())
            #expect(unknown == nil)
        }
    }

    @Test(arguments: Backend.all)
    func startAttemptKeepsAKnownLearner(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            try await store.saveLearner(Learner(id: "rn-4471", name: "Ana Ruiz", fromRoster: true))
            try await store.startAttempt(Fixture.attempt(learner: "rn-4471"), module: Fixture.module())
            let learner = try await store.learner(id: "rn-4471")
            #expect(learner?.name == "Ana Ruiz")
            #expect(learner?.fromRoster == true)
        }
    }

    @Test(arguments: Backend.all)
    func onlyOneAttemptInProgressPerLearnerAndModule(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let first = Fixture.attempt(learner: "rn-1", module: "reporting", startedAt: 1_000)
            try await store.startAttempt(first, module: Fixture.module("reporting"))

            await expectThrows(StoreError.attemptInProgress(learnerID: "rn-1", moduleID: "reporting")) {
                try await store.startAttempt(
                    Fixture.attempt(learner: "rn-1", module: "reporting", startedAt: 2_000),
                    module: Fixture.module("reporting"))
            }
            // Another module, or another learner, is fine.
            try await store.startAttempt(
                Fixture.attempt(learner: "rn-1", module: "responding", startedAt: 3_000),
                module: Fixture.module("responding"))
            try await store.startAttempt(
                Fixture.attempt(learner: "rn-2", module: "reporting", startedAt: 4_000), module: Fixture.module("reporting")
            )

            // Once the first attempt is over, a new one may start; then abandoning frees the slot too.
            try await store.finishAttempt(
                id: first.id, status: .failed, points: 2, maxPoints: 10, scorePercent: 20, at: Fixture.date(5_000))
            let second = Fixture.attempt(learner: "rn-1", module: "reporting", startedAt: 6_000)
            try await store.startAttempt(second, module: Fixture.module("reporting"))
            try await store.abandonAttempt(id: second.id, at: Fixture.date(7_000))
            try await store.startAttempt(
                Fixture.attempt(learner: "rn-1", module: "reporting", startedAt: 8_000), module: Fixture.module("reporting")
            )
            let attempts = try await store.attempts(learnerID: "rn-1", moduleID: "reporting")
            #expect(attempts.map(\.status) == [.failed, .abandoned, .inProgress])
        }
    }

    @Test(arguments: Backend.all)
    func finishSetsTheResult(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let attempt = Fixture.attempt()
            try await store.startAttempt(attempt, module: Fixture.module())
            try await store.finishAttempt(
                id: attempt.id, status: .passed, points: 8.5, maxPoints: 10, scorePercent: 85,
                at: Fixture.date(1_700_000_900_456))

            let finished = try await store.attempt(id: attempt.id)
            #expect(finished?.status == .passed)
            #expect(finished?.points == 8.5)
            #expect(finished?.maxPoints == 10)
            #expect(finished?.scorePercent == 85)
            #expect(finished?.finishedAt.map(Fixture.milliseconds) == 1_700_000_900_456)
            #expect(finished?.questionCount == attempt.questionCount)

            await expectThrows(StoreError.attemptNotInProgress(attempt.id.uuidString.lowercased())) {
                try await store.finishAttempt(
                    id: attempt.id, status: .failed, points: 0, maxPoints: 10, scorePercent: 0, at: Fixture.date(0))
            }
            await expectThrows(StoreError.attemptNotInProgress(attempt.id.uuidString.lowercased())) {
                try await store.abandonAttempt(id: attempt.id, at: Fixture.date(0))
            }
            let unchanged = try await store.attempt(id: attempt.id)
            #expect(unchanged?.status == .passed)
            let missing = UUID()
            await expectThrows(StoreError.attemptNotFound(missing.uuidString.lowercased())) {
                try await store.finishAttempt(
                    id: missing, status: .passed, points: 1, maxPoints: 1, scorePercent: 100, at: Fixture.date(0))
            }
        }
    }

    @Test(arguments: Backend.all)
    func abandonKeepsTheAttemptWithoutAResult(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let attempt = Fixture.attempt()
            try await store.startAttempt(attempt, module: Fixture.module())
            try await store.abandonAttempt(id: attempt.id, at: Fixture.date(1_700_000_100_200))

            let abandoned = try await store.attempt(id: attempt.id)
            #expect(abandoned?.status == .abandoned)
            #expect(abandoned?.finishedAt.map(Fixture.milliseconds) == 1_700_000_100_200)
            #expect(abandoned?.points == nil)
            #expect(abandoned?.scorePercent == nil)
            let inProgress = try await store.inProgressAttempts(learnerID: attempt.learnerID)
            #expect(inProgress == [])
            let missing = UUID()
            await expectThrows(StoreError.attemptNotFound(missing.uuidString.lowercased())) {
                try await store.abandonAttempt(id: missing, at: Fixture.date(0))
            }
        }
    }

    @Test(arguments: Backend.all)
    func attemptsAreOldestFirstAndFilteredByModule(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            // Recorded out of time order (say, imported); all but the last one finished.
            let late = Fixture.attempt(learner: "rn-1", module: "reporting", startedAt: 9_000)
            let middle = Fixture.attempt(learner: "rn-1", module: "responding", startedAt: 5_000)
            let other = Fixture.attempt(learner: "rn-2", module: "reporting", startedAt: 3_000)
            let early = Fixture.attempt(learner: "rn-1", module: "reporting", startedAt: 1_000)
            for attempt in [late, middle, other, early] {
                try await store.startAttempt(attempt, module: Fixture.module(attempt.moduleID))
                if attempt.id != early.id {
                    try await store.finishAttempt(
                        id: attempt.id, status: .failed, points: 0, maxPoints: 5, scorePercent: 0,
                        at: attempt.startedAt.addingTimeInterval(60))
                }
            }
            let all = try await store.attempts(learnerID: "rn-1", moduleID: nil)
            #expect(all.map(\.id) == [early.id, middle.id, late.id])
            let reporting = try await store.attempts(learnerID: "rn-1", moduleID: "reporting")
            #expect(reporting.map(\.id) == [early.id, late.id])
            let none = try await store.attempts(learnerID: "rn-1", moduleID: "vicarious-trauma")
            #expect(none == [])
            let stranger = try await store.attempts(learnerID: "nobody", moduleID: nil)
            #expect(stranger == [])
        }
    }

    @Test(arguments: Backend.all)
    func inProgressAttemptsListsOnlyOpenOnesOldestFirst(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let b = Fixture.attempt(learner: "rn-1", module: "b", startedAt: 7_000)
            let a = Fixture.attempt(learner: "rn-1", module: "a", startedAt: 2_000)
            let done = Fixture.attempt(learner: "rn-1", module: "c", startedAt: 1_000)
            let someoneElse = Fixture.attempt(learner: "rn-2", module: "a", startedAt: 500)
            for attempt in [b, a, done, someoneElse] {
                try await store.startAttempt(attempt, module: Fixture.module(attempt.moduleID))
            }
            try await store.finishAttempt(
                id: done.id, status: .passed, points: 1, maxPoints: 1, scorePercent: 100, at: Fixture.date(1_500))
            let open = try await store.inProgressAttempts(learnerID: "rn-1")
            #expect(open.map(\.id) == [a.id, b.id])
            #expect(open.map(Fixture.normalized) == [a, b].map(Fixture.normalized))
        }
    }

    // MARK: Responses

    @Test(arguments: Backend.all)
    func responsesAreRecordedInOrder(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let attempt = Fixture.attempt()
            try await store.startAttempt(attempt, module: Fixture.module())
            let responses = [
                Response(
                    attemptID: attempt.id, questionID: "q-signs", answer: "b,d", isCorrect: true, points: 2, maxPoints: 2,
                    position: 1, answeredAt: Fixture.date(1_700_000_010_001)),
                Response(
                    attemptID: attempt.id, questionID: "q-consent", answer: "false", isCorrect: false, points: 0,
                    maxPoints: 1, position: 2, answeredAt: Fixture.date(1_700_000_020_002)),
                Response(
                    attemptID: attempt.id, questionID: "q-reflect", answer: "", isCorrect: nil, points: 0, maxPoints: 0,
                    position: 3, answeredAt: Fixture.date(1_700_000_030_003)),
                Response(
                    attemptID: attempt.id, questionID: "q-order", answer: "", isCorrect: false, points: 0, maxPoints: 1.5,
                    skipped: true, position: 4, answeredAt: Fixture.date(1_700_000_040_004)),
            ]
            for response in responses { try await store.recordResponse(response) }
            let stored = try await store.responses(attemptID: attempt.id)
            #expect(stored.map(Fixture.normalized) == responses.map(Fixture.normalized))
            let none = try await store.responses(attemptID: UUID())
            #expect(none == [])
        }
    }

    @Test(arguments: Backend.all)
    func duplicateResponseIsRefused(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let attempt = Fixture.attempt()
            try await store.startAttempt(attempt, module: Fixture.module())
            try await store.recordResponse(Fixture.response(attempt.id, "q1", answer: "a", position: 1))
            await expectThrows(StoreError.duplicateResponse(questionID: "q1")) {
                try await store.recordResponse(Fixture.response(attempt.id, "q1", answer: "b", position: 2))
            }
            let stored = try await store.responses(attemptID: attempt.id)
            #expect(stored.map(\.answer) == ["a"])
        }
    }

    @Test(arguments: Backend.all)
    func responsesAreRefusedOnceTheAttemptIsOver(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let finished = Fixture.attempt(module: "reporting")
            let abandoned = Fixture.attempt(module: "responding")
            try await store.startAttempt(finished, module: Fixture.module("reporting"))
            try await store.startAttempt(abandoned, module: Fixture.module("responding"))
            try await store.finishAttempt(
                id: finished.id, status: .passed, points: 1, maxPoints: 1, scorePercent: 100, at: Fixture.date(9_000))
            try await store.abandonAttempt(id: abandoned.id, at: Fixture.date(9_000))

            for attempt in [finished, abandoned] {
                await expectThrows(StoreError.attemptNotInProgress(attempt.id.uuidString.lowercased())) {
                    try await store.recordResponse(Fixture.response(attempt.id, "q1", answer: "a", position: 1))
                }
            }
            let nowhere = UUID()
            await expectThrows(StoreError.attemptNotFound(nowhere.uuidString.lowercased())) {
                try await store.recordResponse(Fixture.response(nowhere, "q1", answer: "a", position: 1))
            }
            let stored = try await store.responses(attemptID: finished.id)
            #expect(stored == [])
        }
    }

    // MARK: Modules

    @Test(arguments: Backend.all)
    func moduleSnapshotIsTheLatestForThatVersion(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let none = try await store.moduleSnapshot(moduleID: "reporting", version: "1.0.0")
            #expect(none == nil)

            let original = ModuleSnapshot(
                moduleID: "reporting", version: "1.0.0", title: "Reporting", contentHash: "sha256:aaa", passMark: 80)
            try await store.startAttempt(Fixture.attempt(learner: "rn-1", for: original), module: original)
            // The same hash again is left as it is.
            var retitled = original
            retitled.title = "Reporting (retitled)"
            try await store.startAttempt(Fixture.attempt(learner: "rn-2", for: retitled), module: retitled)
            var snapshot = try await store.moduleSnapshot(moduleID: "reporting", version: "1.0.0")
            #expect(snapshot == original)

            // A corrected file with the same version but new content becomes the latest.
            let corrected = ModuleSnapshot(
                moduleID: "reporting", version: "1.0.0", title: "Reporting", contentHash: "sha256:bbb", passMark: 75,
                validForDays: 365, maxAttempts: 3)
            try await store.startAttempt(Fixture.attempt(learner: "rn-3", for: corrected), module: corrected)
            snapshot = try await store.moduleSnapshot(moduleID: "reporting", version: "1.0.0")
            #expect(snapshot == corrected)
            let otherVersion = try await store.moduleSnapshot(moduleID: "reporting", version: "2.0.0")
            #expect(otherVersion == nil)
        }
    }

    // MARK: Values

    @Test(arguments: Backend.all)
    func datesRoundTripToTheMillisecond(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let instants: [Int64] = [
                1_700_000_000_123,  // .123 is not exact in binary
                1_699_999_999_999,  // the last millisecond of a second
                0,  // the epoch
                -1,  // just before it
                946_684_799_999,  // 1999-12-31 23:59:59.999
                4_102_444_800_001,  // 2100-01-01 00:00:00.001
            ]
            for (index, instant) in instants.enumerated() {
                let attempt = Fixture.attempt(learner: "rn-\(index)", startedAt: instant)
                try await store.startAttempt(attempt, module: Fixture.module())
                try await store.recordResponse(
                    Fixture.response(attempt.id, "q1", answer: "a", position: 1, at: instant + 7))
                try await store.finishAttempt(
                    id: attempt.id, status: .passed, points: 1, maxPoints: 1, scorePercent: 100,
                    at: Fixture.date(instant + 11))
                let stored = try await store.attempt(id: attempt.id)
                #expect(stored.map { Fixture.milliseconds($0.startedAt) } == instant)
                #expect(stored?.finishedAt.map(Fixture.milliseconds) == instant + 11)
                let response = try await store.responses(attemptID: attempt.id).first
                #expect(response.map { Fixture.milliseconds($0.answeredAt) } == instant + 7)
            }

            // A date finer than a millisecond comes back within one.
            let precise = Date(timeIntervalSince1970: 1_700_000_000.123_456_7)
            let learner = Learner(id: "precise", createdAt: precise, updatedAt: precise)
            try await store.saveLearner(learner)
            let stored = try await store.learner(id: "precise")
            #expect(abs((stored?.createdAt.timeIntervalSince1970 ?? 0) - precise.timeIntervalSince1970) <= 0.001)
        }
    }

    @Test(arguments: Backend.all)
    func seedsAboveInt64MaxRoundTrip(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let seeds: [UInt64] = [0, 42, UInt64(Int64.max), UInt64(Int64.max) + 1, UInt64.max]
            for (index, seed) in seeds.enumerated() {
                var attempt = Fixture.attempt(learner: "rn-\(index)")
                attempt.seed = seed
                try await store.startAttempt(attempt, module: Fixture.module())
                let stored = try await store.attempt(id: attempt.id)
                #expect(stored?.seed == seed)
            }
        }
    }

    // MARK: Schema and copying

    @Test(arguments: Backend.all)
    func schemaVersionIsCurrentAfterMigrate(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let version = try await store.schemaVersion()
            #expect(version == SQLiteStore.latestSchemaVersion)
            try await store.migrate()
            let again = try await store.schemaVersion()
            #expect(again == SQLiteStore.latestSchemaVersion, "migrating a current store changes nothing")
        }
    }

    @Test(arguments: Backend.all)
    func aFreshStoreHasNoIntegrityProblems(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let problems = try await store.integrityProblems()
            #expect(problems == [])
        }
    }

    @Test(arguments: Backend.all)
    func importLearnerKeepsExistingOnes(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            try await store.saveLearner(Learner(id: "rn-1", name: "Ana", createdAt: Fixture.date(1_000), updatedAt: Fixture.date(1_000)))
            let imported = Learner(
                id: "rn-2", name: "Kim", email: "kim@example.org", department: "ED", role: "Physician", isActive: false,
                fromRoster: true, createdAt: Fixture.date(2_000), updatedAt: Fixture.date(3_000))
            var inserted = try await store.importLearner(imported)
            #expect(inserted)
            inserted = try await store.importLearner(Learner(id: "rn-1", name: "Someone else"))
            #expect(!inserted, "a learner already there is left alone")
            inserted = try await store.importLearner(imported)
            #expect(!inserted)
            let learners = try await store.learners()
            #expect(learners.map(Fixture.normalized) == [
                Fixture.normalized(Learner(id: "rn-1", name: "Ana", createdAt: Fixture.date(1_000), updatedAt: Fixture.date(1_000))),
                Fixture.normalized(imported),
            ])
        }
    }

    @Test(arguments: Backend.all)
    func moduleSnapshotRecordsKeepOrderAndImportOnce(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let first = Fixture.module("reporting")
            var second = first
            second.contentHash = "sha256:corrected"
            try await store.startAttempt(Fixture.attempt(learner: "rn-1", startedAt: 5_000, for: first), module: first)
            try await store.startAttempt(Fixture.attempt(learner: "rn-2", startedAt: 1_000, for: second), module: second)
            let records = try await store.moduleSnapshotRecords()
            #expect(records.map(\.snapshot) == [first, second], "in the order recorded")
            #expect(records.map { Fixture.milliseconds($0.recordedAt) } == [5_000, 1_000])

            let target = try await stores.fresh()
            for record in records {
                let inserted = try await target.importModuleSnapshot(record)
                #expect(inserted)
            }
            for record in records {
                let inserted = try await target.importModuleSnapshot(record)
                #expect(!inserted)
            }
            let copied = try await target.moduleSnapshotRecords()
            #expect(copied.map(\.snapshot) == [first, second])
            #expect(copied.map { Fixture.milliseconds($0.recordedAt) } == [5_000, 1_000])
            let latest = try await target.moduleSnapshot(moduleID: "reporting", version: "1.0.0")
            #expect(latest == second)
        }
    }

    @Test(arguments: Backend.all)
    func attemptPagesListEveryAttemptOnceInIDOrder(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            var ids: [UUID] = []
            for index in 0..<7 {
                let attempt = Fixture.attempt(learner: "rn-\(index % 3)", module: "m\(index)", startedAt: Int64(index) * 1_000)
                try await store.startAttempt(attempt, module: Fixture.module("m\(index)"))
                ids.append(attempt.id)
            }
            var seen: [UUID] = []
            var cursor: UUID?
            while true {
                let page = try await store.attemptPage(after: cursor, limit: 3)
                #expect(page.count <= 3)
                guard let last = page.last else { break }
                seen += page.map(\.id)
                cursor = last.id
            }
            let expected = ids.sorted { $0.uuidString.lowercased() < $1.uuidString.lowercased() }
            #expect(seen == expected)
            let none = try await store.attemptPage(after: nil, limit: 0)
            #expect(none == [])
        }
    }

    @Test(arguments: Backend.all)
    func importAttemptIsIdempotentAndClosesOpenOnes(_ backend: Backend) async throws {
        try await backend.run { stores in
            let source = try await stores.fresh()
            let target = try await stores.fresh()
            let module = Fixture.module()
            let attempt = Fixture.attempt(learner: "rn-1", startedAt: 10_000)
            try await source.startAttempt(attempt, module: module)
            try await source.recordResponse(Fixture.response(attempt.id, "q1", answer: "a", position: 1, at: 11_000))
            let learner = try await source.learner(id: "rn-1")
            _ = try await target.importLearner(try #require(learner))
            _ = try await target.importModuleSnapshot(ModuleSnapshotRecord(snapshot: module, recordedAt: Fixture.date(10_000)))

            var result = try await target.importAttempt(attempt, responses: try await source.responses(attemptID: attempt.id))
            #expect(result == AttemptImport(outcome: .inserted, responsesInserted: 1, responsesSkipped: 0))
            result = try await target.importAttempt(attempt, responses: try await source.responses(attemptID: attempt.id))
            #expect(result == AttemptImport(outcome: .skipped, responsesInserted: 0, responsesSkipped: 1))

            // The learner went on in the source: a new answer and the result come across, once.
            try await source.recordResponse(Fixture.response(attempt.id, "q2", answer: "b", position: 2, at: 12_000))
            try await source.finishAttempt(
                id: attempt.id, status: .passed, points: 2, maxPoints: 2, scorePercent: 100, at: Fixture.date(13_000))
            let finishedInSource = try await source.attempt(id: attempt.id)
            let finished = try #require(finishedInSource)
            let responses = try await source.responses(attemptID: attempt.id)
            result = try await target.importAttempt(finished, responses: responses)
            #expect(result == AttemptImport(outcome: .closed, responsesInserted: 1, responsesSkipped: 1))
            result = try await target.importAttempt(finished, responses: responses)
            #expect(result == AttemptImport(outcome: .skipped, responsesInserted: 0, responsesSkipped: 2))

            let copied = try await target.attempt(id: attempt.id)
            #expect(copied.map(Fixture.normalized) == Fixture.normalized(finished))
            let copiedResponses = try await target.responses(attemptID: attempt.id)
            #expect(copiedResponses.map(Fixture.normalized) == responses.map(Fixture.normalized))

            // A finished attempt in the target is never reopened or changed.
            var reopened = finished
            reopened.status = .inProgress
            reopened.finishedAt = nil
            result = try await target.importAttempt(reopened, responses: [])
            #expect(result.outcome == .skipped)
            let unchanged = try await target.attempt(id: attempt.id)
            #expect(unchanged?.status == .passed)
        }
    }

    @Test(arguments: Backend.all)
    func importAttemptRefusesASecondInProgress(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            try await store.startAttempt(Fixture.attempt(learner: "rn-1", startedAt: 1_000), module: Fixture.module())
            let other = Fixture.attempt(learner: "rn-1", startedAt: 2_000)
            await expectThrows(StoreError.attemptInProgress(learnerID: "rn-1", moduleID: other.moduleID)) {
                _ = try await store.importAttempt(other, responses: [Fixture.response(other.id, "q1", answer: "a", position: 1)])
            }
            let missing = try await store.attempt(id: other.id)
            #expect(missing == nil)
            let none = try await store.responses(attemptID: other.id)
            #expect(none == [], "nothing of a refused attempt is kept")
            // A closed attempt of the same learner and module comes in fine.
            var closed = Fixture.attempt(learner: "rn-1", startedAt: 500)
            closed.status = .failed
            closed.finishedAt = Fixture.date(900)
            closed.points = 0
            closed.maxPoints = 1
            closed.scorePercent = 0
            let result = try await store.importAttempt(closed, responses: [])
            #expect(result.outcome == .inserted)
            let attempts = try await store.attempts(learnerID: "rn-1", moduleID: closed.moduleID)
            #expect(attempts.map(\.status) == [.failed, .inProgress])
        }
    }

    // MARK: Reports and coordinators

    @Test(arguments: Backend.all)
    func forEachAttemptStreamsInOrderWithFilters(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let b2 = Fixture.attempt(learner: "rn-b", module: "reporting", startedAt: 9_000)
            let a2 = Fixture.attempt(learner: "rn-a", module: "responding", startedAt: 1_000)
            let b1 = Fixture.attempt(learner: "rn-b", module: "reporting", startedAt: 2_000)
            let a1 = Fixture.attempt(learner: "rn-a", module: "reporting", startedAt: 5_000)
            for attempt in [b1, b2, a2, a1] {
                try await store.startAttempt(attempt, module: Fixture.module(attempt.moduleID))
                if attempt.id == b1.id {
                    try await store.finishAttempt(
                        id: b1.id, status: .failed, points: 1, maxPoints: 4, scorePercent: 25, at: Fixture.date(2_500))
                }
            }

            var seen: [UUID] = []
            try await store.forEachAttempt(AttemptQuery()) { seen.append($0.id) }
            #expect(seen == [a1.id, a2.id, b1.id, b2.id], "by learner, module, then start")
            seen = []
            try await store.forEachAttempt(AttemptQuery(moduleID: "reporting")) { seen.append($0.id) }
            #expect(seen == [a1.id, b1.id, b2.id])
            seen = []
            try await store.forEachAttempt(AttemptQuery(learnerID: "rn-b")) { seen.append($0.id) }
            #expect(seen == [b1.id, b2.id])
            seen = []
            try await store.forEachAttempt(
                AttemptQuery(startedFrom: Fixture.date(2_000), startedBefore: Fixture.date(9_000))
            ) { seen.append($0.id) }
            #expect(seen == [a1.id, b1.id], "from is inclusive, before exclusive")
            var finished: Attempt?
            try await store.forEachAttempt(AttemptQuery(learnerID: "rn-b", startedBefore: Fixture.date(3_000))) {
                finished = $0
            }
            #expect(finished?.status == .failed)
            #expect(finished?.scorePercent == 25)

            struct Stop: Error {}
            var count = 0
            do {
                try await store.forEachAttempt(AttemptQuery()) { _ in
                    count += 1
                    throw Stop()
                }
                Issue.record("the body's error stops the read")
            } catch is Stop {}
            #expect(count == 1)
        }
    }

    @Test(arguments: Backend.all)
    func forEachResponseGivesEachResponseWithItsAttempt(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let late = Fixture.attempt(learner: "rn-1", module: "reporting", startedAt: 5_000)
            let early = Fixture.attempt(learner: "rn-1", module: "reporting", startedAt: 1_000)
            let other = Fixture.attempt(learner: "rn-1", module: "responding", startedAt: 1_000)
            for attempt in [early, late, other] {
                if attempt.id == late.id {
                    try await store.finishAttempt(
                        id: early.id, status: .failed, points: 0, maxPoints: 1, scorePercent: 0, at: Fixture.date(1_500))
                }
                try await store.startAttempt(attempt, module: Fixture.module(attempt.moduleID))
                if attempt.id == early.id {
                    try await store.recordResponse(Fixture.response(early.id, "q9", answer: "c", position: 1))
                }
            }
            try await store.recordResponse(Fixture.response(late.id, "q2", answer: "b", position: 2))
            try await store.recordResponse(Fixture.response(late.id, "q1", answer: "a", position: 1))
            try await store.recordResponse(Fixture.response(other.id, "q5", answer: "true", position: 1))
            try await store.finishAttempt(
                id: late.id, status: .passed, points: 2, maxPoints: 2, scorePercent: 100, at: Fixture.date(6_000))

            var seen: [String] = []
            try await store.forEachResponse(AttemptQuery(moduleID: "reporting")) { attempt, response in
                #expect(attempt.id == response.attemptID)
                seen.append("\(attempt.status.rawValue):\(response.questionID)=\(response.answer)")
            }
            #expect(seen == ["failed:q9=c", "passed:q1=a", "passed:q2=b"])
            seen = []
            try await store.forEachResponse(AttemptQuery(learnerID: "rn-1", startedBefore: Fixture.date(2_000))) { _, r in
                seen.append(r.questionID)
            }
            #expect(seen == ["q9", "q5"])
            seen = []
            try await store.forEachResponse(AttemptQuery(learnerID: "nobody")) { _, r in seen.append(r.questionID) }
            #expect(seen == [])
        }
    }

    @Test(arguments: Backend.all)
    func moduleSnapshotsListTheLatestOfEachVersion(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let empty = try await store.moduleSnapshots()
            #expect(empty == [])
            let first = ModuleSnapshot(moduleID: "reporting", version: "1.0.0", title: "R", contentHash: "h1", passMark: 80)
            var fixed = first
            fixed.contentHash = "h2"
            fixed.title = "R fixed"
            let second = ModuleSnapshot(moduleID: "reporting", version: "2.0.0", title: "R2", contentHash: "h3", passMark: 70)
            let other = ModuleSnapshot(moduleID: "abuse", version: "1.0.0", title: "A", contentHash: "h4", passMark: 80)
            for (index, module) in [first, fixed, second, other].enumerated() {
                try await store.startAttempt(Fixture.attempt(learner: "rn-\(index)", for: module), module: module)
            }
            let snapshots = try await store.moduleSnapshots()
            #expect(snapshots == [other, fixed, second])
        }
    }

    // MARK: Data lifecycle

    @Test(arguments: Backend.all)
    func deactivateKeepsTheLearnerAndTheirHistory(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            try await store.saveLearner(Learner(id: "rn-1", name: "Ana Lima"))
            let attempt = Fixture.attempt(learner: "rn-1")
            try await store.startAttempt(attempt, module: Fixture.module())
            try await store.deactivateLearner(id: "rn-1", at: Fixture.date(5_000))
            let learner = try await store.learner(id: "rn-1")
            #expect(learner?.isActive == false)
            #expect(learner?.name == "Ana Lima")
            let attempts = try await store.attempts(learnerID: "rn-1", moduleID: nil)
            #expect(attempts.map(\.id) == [attempt.id])
            do {
                try await store.deactivateLearner(id: "nobody", at: Date())
                Issue.record("an unknown learner is refused")
            } catch let error as StoreError {
                #expect(error == .learnerNotFound("nobody"))
            }
        }
    }

    @Test(arguments: Backend.all)
    func eraseReplacesTheLearnerEverywhereAndKeepsScores(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            try await store.saveLearner(Learner(id: "rn-1", name: "Ana Lima", email: "ana@example.org", department: "ED", role: "RN"))
            try await store.saveLearner(Learner(id: "rn-2", name: "Ben Okafor"))
            let attempt = Fixture.attempt(learner: "rn-1", osUser: "ana")
            try await store.startAttempt(attempt, module: Fixture.module())
            try await store.recordResponse(Fixture.response(attempt.id, "q1", answer: "b", position: 0))
            var reflection = Fixture.response(attempt.id, "q2", answer: "I would ask Ana's manager", position: 1)
            reflection.isCorrect = nil
            reflection.points = 0
            reflection.maxPoints = 0
            try await store.recordResponse(reflection)
            try await store.finishAttempt(id: attempt.id, status: .passed, points: 1, maxPoints: 1, scorePercent: 100, at: Fixture.date(1_700_000_001_000))
            let other = Fixture.attempt(learner: "rn-2")
            try await store.startAttempt(other, module: Fixture.module())
            try await store.grantAttempt(
                AuditEvent(kind: .attemptGranted, learnerID: "rn-1", moduleID: "recognising-signs", reason: "Power cut", osUser: "coord",
                    at: Fixture.date(1_700_000_001_500)))
            let erased = AuditEvent(
                kind: .learnerErased, learnerID: "erased-abc", moduleID: "", reason: "Left; asked to be forgotten", osUser: "coord",
                at: Fixture.date(1_700_000_002_000))
            try await store.eraseLearner(id: "rn-1", anonymousID: "erased-abc", event: erased)

            let gone = try await store.learner(id: "rn-1")
            #expect(gone == nil)
            let anonymous = try await store.learner(id: "erased-abc")
            #expect(anonymous?.name == nil)
            #expect(anonymous?.email == nil)
            #expect(anonymous?.isActive == false)
            #expect(anonymous?.department == "ED")
            let learners = try await store.learners()
            #expect(learners.map(\.id) == ["erased-abc", "rn-2"])
            let attempts = try await store.attempts(learnerID: "erased-abc", moduleID: nil)
            #expect(attempts.map(\.id) == [attempt.id])
            #expect(attempts.first?.status == .passed)
            #expect(attempts.first?.scorePercent == 100)
            #expect(attempts.first?.osUser == "")
            let left = try await store.attempts(learnerID: "rn-1", moduleID: nil)
            #expect(left == [])
            let responses = try await store.responses(attemptID: attempt.id)
            #expect(responses.map(\.answer) == ["b", ""], "reflections are emptied, scored answers kept")
            #expect(responses.map(\.isCorrect) == [true, nil])
            let otherAttempts = try await store.attempts(learnerID: "rn-2", moduleID: nil)
            #expect(otherAttempts.map(\.id) == [other.id])
            let events = try await store.auditEvents(learnerID: "erased-abc", moduleID: nil)
            #expect(events.map(\.kind) == [.attemptGranted, .learnerErased])
            #expect(events.last.map(Fixture.normalized) == Fixture.normalized(erased))
            let oldEvents = try await store.auditEvents(learnerID: "rn-1", moduleID: nil)
            #expect(oldEvents == [])
            do {
                try await store.eraseLearner(id: "rn-1", anonymousID: "erased-def", event: erased)
                Issue.record("an unknown learner is refused")
            } catch let error as StoreError {
                #expect(error == .learnerNotFound("rn-1"))
            }
        }
    }

    @Test(arguments: Backend.all)
    func grantsAreKeptAsAuditEvents(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let grant = AuditEvent(
                kind: .attemptGranted, learnerID: "rn-1", moduleID: "reporting", reason: "Power cut during the quiz",
                osUser: "coordinator", at: Fixture.date(2_000))
            let earlier = AuditEvent(
                kind: .attemptGranted, learnerID: "rn-1", moduleID: "responding", reason: "Sick", osUser: "coord",
                at: Fixture.date(1_000))
            try await store.grantAttempt(grant)
            try await store.grantAttempt(earlier)
            let all = try await store.auditEvents(learnerID: nil, moduleID: nil)
            #expect(all.map(\.id) == [earlier.id, grant.id], "oldest first")
            let one = try await store.auditEvents(learnerID: "rn-1", moduleID: "reporting")
            #expect(one.map(Fixture.normalized) == [Fixture.normalized(grant)])
            let none = try await store.auditEvents(learnerID: "rn-2", moduleID: nil)
            #expect(none == [])
        }
    }

    @Test(arguments: Backend.all)
    func voidMarksTheAttemptAndRecordsTheEvent(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let attempt = Fixture.attempt(learner: "rn-1", module: "reporting")
            try await store.startAttempt(attempt, module: Fixture.module("reporting"))
            try await store.finishAttempt(
                id: attempt.id, status: .passed, points: 5, maxPoints: 5, scorePercent: 100, at: Fixture.date(1_700_000_100_000))
            let event = AuditEvent(
                kind: .attemptVoided, learnerID: "rn-1", moduleID: "reporting", attemptID: attempt.id,
                reason: "Taken by someone else", osUser: "coord", at: Fixture.date(1_700_000_200_000))
            try await store.voidAttempt(event)
            let voided = try await store.attempt(id: attempt.id)
            #expect(voided?.status == .void)
            #expect(voided?.voidReason == "Taken by someone else")
            #expect(voided?.scorePercent == 100, "the result is kept for the record")
            let events = try await store.auditEvents(learnerID: "rn-1", moduleID: nil)
            #expect(events.map(Fixture.normalized) == [Fixture.normalized(event)])

            var again = event
            again.id = UUID()
            await expectThrows(StoreError.attemptAlreadyVoid(attempt.id.uuidString.lowercased())) {
                try await store.voidAttempt(again)
            }
            let missing = UUID()
            again.attemptID = missing
            await expectThrows(StoreError.attemptNotFound(missing.uuidString.lowercased())) {
                try await store.voidAttempt(again)
            }
            let after = try await store.auditEvents(learnerID: nil, moduleID: nil)
            #expect(after.count == 1, "a refused void records nothing")
        }
    }

    @Test(arguments: Backend.all)
    func certificatesKeepTheFirstCodeAndAreFoundByCode(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let attempt = Fixture.attempt()
            try await store.startAttempt(attempt, module: Fixture.module())
            let first = Certificate(code: "ABCD1234EFGH5678JKMN", attemptID: attempt.id, issuedAt: Fixture.date(5_000))
            let issued = try await store.issueCertificate(first)
            #expect(issued.code == first.code)
            #expect(Fixture.milliseconds(issued.issuedAt) == 5_000)
            let second = try await store.issueCertificate(
                Certificate(code: "ZZZZ1234EFGH5678JKMN", attemptID: attempt.id, issuedAt: Fixture.date(9_000)))
            #expect(second.code == first.code, "one code per attempt: printing again gives the same code")
            let found = try await store.certificate(code: first.code)
            #expect(found?.attemptID == attempt.id)
            let unused = try await store.certificate(code: "ZZZZ1234EFGH5678JKMN")
            #expect(unused == nil)
            let lower = try await store.certificate(code: first.code.lowercased())
            #expect(lower == nil, "codes are compared exactly; callers canonicalise")
        }
    }

    // MARK: Helpers

    /// Fails unless `body` throws exactly `expected`.
    func expectThrows(
        _ expected: StoreError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            Issue.record("expected \(expected), nothing was thrown", sourceLocation: sourceLocation)
        } catch let error as StoreError {
            #expect(error == expected, sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected \(expected), got \(error)", sourceLocation: sourceLocation)
        }
    }
}
