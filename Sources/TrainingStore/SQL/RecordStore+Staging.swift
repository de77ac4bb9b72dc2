import Foundation

/// The staged roster import (#18): see `CompletionStore.beginLearnerStaging` and `Statements+Staging`.
extension RecordStore {
    public func beginLearnerStaging() async throws {
        try await database.write { connection in
            try await connection.execute(Statements.dropStaging, [])
            try await connection.execute(Statements.createStaging, [])
        }
    }

    public func stageLearners(_ rows: [StagedLearner]) async throws {
        guard !rows.isEmpty else { return }
        try await database.write { connection in
            var start = 0
            var values: [SQLValue] = []
            values.reserveCapacity(min(rows.count, Statements.stagingBatch) * Statements.stagingColumns.count)
            while start < rows.count {
                let end = min(rows.count, start + Statements.stagingBatch)
                values.removeAll(keepingCapacity: true)
                for row in rows[start..<end] {
                    values.append(.integer(Int64(row.line)))
                    values.append(.text(row.id))
                    values.append(row.name.map(SQLValue.text) ?? .null)
                    values.append(row.email.map(SQLValue.text) ?? .null)
                    values.append(row.department.map(SQLValue.text) ?? .null)
                    values.append(row.role.map(SQLValue.text) ?? .null)
                }
                try await connection.write(Statements.stageLearners(count: end - start), values: values)
                start = end
            }
        }
    }

    public func stagedLearnerRepeats(limit: Int) async throws -> (listed: [StagedLearner.Repeat], total: Int) {
        try await database.write { connection in
            if database.dialect == .sqlite { try await connection.execute(Statements.indexStaging, []) }
            let found: Bool? = try await connection.value(Statements.anyStagedRepeat, [], column: "found")
            guard found == true else { return ([], 0) }
            let total: Int = try await connection.value(Statements.stagedRepeatCount, [], column: "repeats") ?? 0
            let listed = try await connection.rows(Statements.stagedRepeats, [limit]).map { row in
                StagedLearner.Repeat(line: try row["line"], id: try row["id"], firstLine: try row["first"])
            }
            return (listed, total)
        }
    }

    public func mergeStagedLearners(given: Set<LearnerField>, now: Date, inIDOrder: Bool) async throws -> LearnerMerge {
        try await database.write { connection in
            if database.dialect == .sqlite, !inIDOrder { try await connection.execute(Statements.indexStaging, []) }
            let values: [any SQLBindable] = [true, true, now, now]
            let before: Int = try await connection.value(Statements.learnerCount, [], column: "learners") ?? 0
            let changed: Int
            if database.dialect == .sqlite {
                try await connection.execute(Statements.mergeStaged(given: given, inIDOrder: inIDOrder), values)
                changed = try await connection.value(Statements.lastChanges, [], column: "changed") ?? 0
            } else {
                changed = try await connection.value(Statements.mergeStaged(given: given, inIDOrder: inIDOrder), values, column: "changed") ?? 0
            }
            let after: Int = try await connection.value(Statements.learnerCount, [], column: "learners") ?? 0
            let staged: Int = try await connection.value(Statements.stagedCount, [], column: "staged") ?? 0
            return LearnerMerge(added: after - before, updated: changed - (after - before), unchanged: staged - changed)
        }
    }
}
