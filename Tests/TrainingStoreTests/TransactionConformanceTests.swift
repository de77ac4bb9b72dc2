import Foundation
import Testing
import TrainingStore

/// All-or-nothing writes and batched learners (#18 item 2), on every backend in `Backend.all`.
@Suite struct TransactionConformanceTests {
    @Test(arguments: Backend.all)
    func aTransactionCommitsAllOrRollsBackAll(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            try await store.withTransaction { inside in
                try await inside.saveLearner(Learner(id: "rn-1"))
                try await inside.saveLearners((2...3).map { Learner(id: "rn-\($0)") })
            }
            var ids = try await store.learners().map(\.id)
            #expect(ids == ["rn-1", "rn-2", "rn-3"])

            struct Stop: Error {}
            await #expect(throws: Stop.self) {
                try await store.withTransaction { inside in
                    try await inside.saveLearners((4...1_203).map { Learner(id: "rn-\($0)") })
                    let seen = try await inside.learners(ids: ["rn-4", "rn-1203"]).count
                    #expect(seen == 2, "the transaction sees its own writes")
                    throw Stop()
                }
            }
            ids = try await store.learners().map(\.id)
            #expect(ids == ["rn-1", "rn-2", "rn-3"], "a failed transaction leaves nothing behind")
        }
    }

    @Test(arguments: Backend.all)
    func learnersAreSavedAndFoundInBatches(_ backend: Backend) async throws {
        try await backend.run { stores in
            let store = try await stores.fresh()
            let created = Fixture.date(1_700_000_000_000)
            let many = (0..<1_234).map {
                Learner(id: String(format: "rn-%05d", $0), name: "Name \($0)", fromRoster: true, createdAt: created, updatedAt: created)
            }
            try await store.saveLearners(many)
            #expect(try await store.learners().count == 1_234)
            let found = try await store.learners(ids: many.map(\.id) + ["nobody"])
            #expect(Set(found.map(\.id)) == Set(many.map(\.id)))
            #expect(try await store.learners(ids: []).isEmpty)

            var changed = many[0]
            changed.name = "Renamed"
            changed.createdAt = Fixture.date(1_800_000_000_000)
            changed.updatedAt = Fixture.date(1_700_000_500_000)
            try await store.saveLearners([changed])
            let stored = try await store.learner(id: changed.id)
            #expect(stored?.name == "Renamed")
            #expect(stored.map { Fixture.milliseconds($0.createdAt) } == 1_700_000_000_000, "createdAt is kept")
        }
    }
}
