import Foundation
import TrainingService
import TrainingStore

/// Builds one row per learner × required module from the attempts, streamed from the store.
///
/// One ordered read gives each learner (by id) followed by its attempts (by module, then start). A
/// learner's rows are written as soon as the read moves past them, so memory holds one learner's
/// standings at a time, never the list of learners or the whole report.
enum CompletionRows {
    /// Calls `body` for each row, learners in id order, modules in id order; returns the gathered figures.
    static func forEach(
        _ context: ReportContext, activeOnly: Bool, _ body: (CompletionRow) throws -> Void
    ) async throws -> CompletionStats {
        let grants = try await context.grants()
        var stats = CompletionStats()
        var learner: Learner?
        var required: [KnownModule] = []
        var standings: [String: ModuleStanding] = [:]
        var group: [Attempt] = []

        /// Records the standing of the attempts gathered for one module of the current learner.
        func flush() {
            defer { group.removeAll(keepingCapacity: true) }
            guard let first = group.first, let module = required.first(where: { $0.id == first.moduleID }) else { return }
            var counts = stats.attemptsByModule[module.id] ?? (0, 0)
            for attempt in group {
                if attempt.status == .passed { counts.passed += 1 }
                if attempt.status == .failed { counts.failed += 1 }
            }
            stats.attemptsByModule[module.id] = counts
            let key = first.learnerID + "\u{0}" + first.moduleID
            standings[module.id] = standing(group, module: module, grants: grants[key] ?? [], now: context.now)
        }

        /// Writes the current learner's rows, one per required module.
        func emit() throws {
            flush()
            defer { standings.removeAll(keepingCapacity: true) }
            guard let learner, !required.isEmpty else { return }
            stats.learnerCount += 1
            for module in required {
                let key = learner.id + "\u{0}" + module.id
                let row = CompletionRow(
                    learner: learner, module: module,
                    standing: standings[module.id]
                        ?? standing([], module: module, grants: grants[key] ?? [], now: context.now))
                stats.count(row)
                try body(row)
            }
        }

        let filter = context.filter
        try await context.store.forEachLearnerAttempt(
            learnerID: filter.learnerID, moduleID: filter.moduleID, activeOnly: activeOnly
        ) { next, attempt in
            if next.id != learner?.id {
                try emit()
                learner = next
                required = filter.admits(next) ? context.requiredModules(for: next) : []
            }
            guard let attempt, !required.isEmpty else { return }
            if let first = group.first, first.moduleID != attempt.moduleID { flush() }
            group.append(attempt)
        }
        try emit()
        return stats
    }

    static func standing(_ attempts: [Attempt], module: KnownModule, grants: [Date], now: Date) -> ModuleStanding {
        ModuleStanding.compute(attempts: attempts, policy: module.policy, grantedAt: grants, now: now)
    }
}
