import Foundation
import Testing
import TrainingStore

/// The staged roster import (#18 item 2): stage, find repeats, merge, on every backend in `Backend.all`.
@Suite struct StagedImportConformanceTests {
    /// Runs a whole staged import of `rows` in one transaction, as `RosterImport` does.
    private func importStaged(
        _ rows: [StagedLearner], given: Set<LearnerField>, now: Date, inIDOrder: Bool, into store: any CompletionStore
    ) async throws -> (repeats: [StagedLearner.Repeat], total: Int, merge: LearnerMerge?) {
        try await store.withTransaction { inside in
            try await inside.beginLearnerStaging()
            for start in stride(from: 0, to: rows.count, by: 700) {
                try await inside.stageLearners(Array(rows[start..<min(rows.count, start + 700)]))
            }
            let repeats = try await inside.stagedLearnerRepeats(limit: 3)
            guard repeats.total == 0 else { return (repeats.listed, repeats.total, nil) }
            return ([], 0, try await inside.mergeStagedLearners(given: given, now: now, inIDOrder: inIDOrder))
        }
    }

    @Test(arguments: Backend.all, [true, false])
    func aMergeAddsUpdatesAndLeavesAloneAsTheRowsSay(_ backend: Backend, inIDOrder: Bool) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let before = Fixture.date(1_700_000_000_000)
            let now = Fixture.date(1_700_000_900_000)
            for learner in [
                Learner(id: "a-same", name: "Same", email: "same@example.org", fromRoster: true, createdAt: before, updatedAt: before),
                Learner(id: "b-renamed", name: "Old", email: "kept@example.org", fromRoster: true, createdAt: before, updatedAt: before),
                Learner(id: "c-inactive", name: "Left", isActive: false, fromRoster: true, createdAt: before, updatedAt: before),
                Learner(id: "d-first-use", name: "Walk In", fromRoster: false, createdAt: before, updatedAt: before),
            ] { try await store.saveLearner(learner) }
            // 2,000 new learners too, so staging takes several statements and a partial last one.
            var rows = [
                StagedLearner(line: 2, id: "a-same", name: "Same"),
                StagedLearner(line: 3, id: "b-renamed", name: "New"),
                StagedLearner(line: 4, id: "c-inactive", name: "Left"),
                StagedLearner(line: 5, id: "d-first-use", name: "Walk In"),
            ]
            rows += (0..<2_000).map { StagedLearner(line: 6 + $0, id: String(format: "e-%05d", $0), name: "New \($0)", email: "ignored@example.org") }
            if !inIDOrder { rows.reverse() }
            let result = try await importStaged(rows, given: [.name], now: now, inIDOrder: inIDOrder, into: store)
            #expect(result.total == 0)
            #expect(result.merge == LearnerMerge(added: 2_000, updated: 3, unchanged: 1))

            let same = try #require(try await store.learner(id: "a-same"))
            #expect(Fixture.milliseconds(same.updatedAt) == 1_700_000_000_000, "an unchanged learner is not written")
            #expect(same.email == "same@example.org")
            let renamed = try #require(try await store.learner(id: "b-renamed"))
            #expect(renamed.name == "New")
            #expect(renamed.email == "kept@example.org", "a field the roster does not give keeps its value")
            #expect(Fixture.milliseconds(renamed.createdAt) == 1_700_000_000_000)
            #expect(Fixture.milliseconds(renamed.updatedAt) == 1_700_000_900_000)
            #expect(try await store.learner(id: "c-inactive")?.isActive == true)
            #expect(try await store.learner(id: "d-first-use")?.fromRoster == true)
            let added = try #require(try await store.learner(id: "e-01999"))
            #expect(added.name == "New 1999")
            #expect(added.email == nil, "a new learner has no value for a field the roster does not give")
            #expect(added.isActive && added.fromRoster)
            #expect(try await store.learners().count == 2_004)

            // The same roster again changes nothing.
            let again = try await importStaged(rows, given: [.name], now: Fixture.date(1_700_001_000_000), inIDOrder: inIDOrder, into: store)
            #expect(again.merge == LearnerMerge(added: 0, updated: 0, unchanged: 2_004))
        }
    }

    @Test(arguments: Backend.all)
    func repeatedIDsAreListedInLineOrderWithTheirFirstLine(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let rows = [
                StagedLearner(line: 2, id: "rn-b"), StagedLearner(line: 3, id: "rn-a"), StagedLearner(line: 4, id: "rn-b"),
                StagedLearner(line: 5, id: "rn-c"), StagedLearner(line: 6, id: "rn-a"), StagedLearner(line: 7, id: "rn-b"),
                StagedLearner(line: 8, id: "rn-c"), StagedLearner(line: 9, id: "RN-C"),
            ]
            let result = try await importStaged(rows, given: [], now: Date(), inIDOrder: false, into: store)
            #expect(result.total == 4)
            #expect(
                result.repeats == [
                    StagedLearner.Repeat(line: 4, id: "rn-b", firstLine: 2), StagedLearner.Repeat(line: 6, id: "rn-a", firstLine: 3),
                    StagedLearner.Repeat(line: 7, id: "rn-b", firstLine: 2),
                ], "at most the limit, in line order; ids differing in case are different people")
            #expect(try await store.learners().isEmpty)
        }
    }

    @Test(arguments: Backend.all)
    func aFailedImportLeavesNothingAndTheNextOneStartsClean(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            struct Stop: Error {}
            await #expect(throws: Stop.self) {
                try await store.withTransaction { inside in
                    try await inside.beginLearnerStaging()
                    try await inside.stageLearners([StagedLearner(line: 2, id: "rn-gone")])
                    _ = try await inside.mergeStagedLearners(given: [], now: Date(), inIDOrder: true)
                    throw Stop()
                }
            }
            #expect(try await store.learners().isEmpty)
            // Twice in a row on the same connection: the staging table of the first is not in the way.
            for round in 0..<2 {
                let result = try await importStaged(
                    [StagedLearner(line: 2, id: "rn-\(round)")], given: [], now: Date(), inIDOrder: true, into: store)
                #expect(result.merge == LearnerMerge(added: 1, updated: 0, unchanged: 0))
            }
            #expect(try await store.learners().map(\.id) == ["rn-0", "rn-1"])
        }
    }
}
