import Foundation
import TrainingService
import TrainingStore

/// Builds one row per learner × required module from the attempts, streamed from the store.
///
/// A merge of two ordered streams: learners by id, and attempts by learner id then module. A
/// learner's rows are written as soon as the attempts have moved past them, so memory holds one
/// learner's standings at a time (plus the list of learners), never the whole report.
enum CompletionRows {
    /// Calls `body` for each row, learners in id order, modules in id order; returns the gathered figures.
    static func forEach(
        _ context: ReportContext, activeOnly: Bool, _ body: (CompletionRow) throws -> Void
    ) async throws -> CompletionStats {
        // Byte order, as both stores sort ids (SQLite BINARY, PostgreSQL COLLATE "C").
        let learners = try await context.learners(activeOnly: activeOnly)
            .sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        let grants = try await context.grants()
        var stats = CompletionStats()
        var next = 0
        var standings: [String: ModuleStanding] = [:]
        var group: [Attempt] = []

        /// Writes the rows of every learner before `limit` (all when nil); `standings` belong to the first of them.
        func emit(before limit: String?) throws {
            while next < learners.count {
                let learner = learners[next]
                if let limit, !learner.id.utf8.lexicographicallyPrecedes(limit.utf8) { return }
                for module in context.requiredModules(for: learner) {
                    let key = learner.id + "\u{0}" + module.id
                    let row = CompletionRow(
                        learner: learner, module: module,
                        standing: standings[module.id]
                            ?? standing([], module: module, grants: grants[key] ?? [], now: context.now))
                    stats.count(row)
                    try body(row)
                }
                standings.removeAll(keepingCapacity: true)
                next += 1
            }
        }

        func flush() {
            guard let first = group.first, next < learners.count, learners[next].id == first.learnerID,
                let module = context.requiredModules(for: learners[next]).first(where: { $0.id == first.moduleID })
            else { return }
            for attempt in group {
                var counts = stats.attemptsByModule[attempt.moduleID] ?? (0, 0)
                if attempt.status == .passed { counts.passed += 1 }
                if attempt.status == .failed { counts.failed += 1 }
                stats.attemptsByModule[attempt.moduleID] = counts
            }
            let key = first.learnerID + "\u{0}" + first.moduleID
            standings[first.moduleID] = standing(group, module: module, grants: grants[key] ?? [], now: context.now)
        }

        let query = AttemptQuery(learnerID: context.filter.learnerID, moduleID: context.filter.moduleID)
        try await context.store.forEachAttempt(query) { attempt in
            if let first = group.first, first.learnerID != attempt.learnerID || first.moduleID != attempt.moduleID {
                flush()
                group.removeAll(keepingCapacity: true)
            }
            if group.isEmpty {
                // Rows of learners before this attempt's learner are complete now.
                try emit(before: attempt.learnerID)
            }
            group.append(attempt)
        }
        flush()
        try emit(before: nil)
        return stats
    }

    static func standing(_ attempts: [Attempt], module: KnownModule, grants: [Date], now: Date) -> ModuleStanding {
        ModuleStanding.compute(attempts: attempts, policy: module.policy, grantedAt: grants, now: now)
    }
}
