import Foundation

/// The streaming report reads (#16): learners and attempts from one ordered query, each learner
/// decoded once however many attempt rows repeat it, and only the columns reports print.
extension RecordStore {
    public func forEachLearnerAttempt(
        learnerID: String?, moduleID: String?, activeOnly: Bool, _ body: (Learner, Attempt?) throws -> Void
    ) async throws {
        var values: [any SQLBindable] = []
        if let moduleID { values.append(moduleID) }
        if let learnerID { values.append(learnerID) }
        if activeOnly { values.append(true) }
        let sql = Statements.learnersWithAttempts(learner: learnerID != nil, module: moduleID != nil, activeOnly: activeOnly)
        let attemptStart = Statements.streamedLearnerColumns.count
        var current: Learner?
        try await database.stream(sql, values) { row in
            let id: String = try row.at(0)
            if current?.id != id { current = try Self.streamedLearner(row, from: 0) }
            guard let learner = current else { return }
            guard row.values[attemptStart] != .null else { return try body(learner, nil) }
            try body(learner, try Self.streamedAttempt(row, from: attemptStart, learnerID: id))
        }
    }

    public func forEachAttemptWithLearner(_ query: AttemptQuery, _ body: (Attempt, Learner?) throws -> Void) async throws {
        let conditions = Conditions(query, prefix: "a.")
        let learnerStart = Attempt.table.columns.count
        var current: Learner?
        try await database.stream(Statements.attemptsWithLearners(conditions), conditions.values) { row in
            let attempt = try Attempt(row: row)
            if row.values[learnerStart] == .null {
                current = nil
            } else if current?.id != attempt.learnerID {
                current = try Self.streamedLearner(row, from: learnerStart)
            }
            try body(attempt, current)
        }
    }

    /// A learner from `Statements.streamedLearnerColumns` starting at column `start`.
    private static func streamedLearner(_ row: SQLRow, from start: Int) throws -> Learner {
        let epoch = Date(timeIntervalSince1970: 0)
        return Learner(
            id: try row.at(start), name: try row.at(start + 1), email: try row.at(start + 2),
            department: try row.at(start + 3), role: try row.at(start + 4), isActive: try row.at(start + 5),
            fromRoster: try row.at(start + 6), createdAt: epoch, updatedAt: epoch)
    }

    /// An attempt from `Statements.streamedAttemptColumns` starting at column `start`.
    private static func streamedAttempt(_ row: SQLRow, from start: Int, learnerID: String) throws -> Attempt {
        Attempt(
            id: try row.at(start), learnerID: learnerID, moduleID: try row.at(start + 1),
            moduleVersion: try row.at(start + 2), contentHash: "", seed: 0, questionCount: 0,
            startedAt: try row.at(start + 3), finishedAt: try row.at(start + 4), status: try row.at(start + 5),
            points: try row.at(start + 6), maxPoints: try row.at(start + 7), scorePercent: try row.at(start + 8))
    }
}

extension SQLRow {
    /// The value of the column at `index` as `T`; throws `MalformedValue` when it is missing or not a `T`.
    func at<T: SQLReadable>(_ index: Int) throws -> T {
        guard index < values.count else { throw MalformedValue(what: "row without column \(index + 1)") }
        guard let value = T.read(values[index]) else { throw MalformedValue(what: "column \(index + 1) value \(values[index])") }
        return value
    }
}
