import Foundation
import TrainingStore

/// Builds one row per learner × required module from the attempts, streamed from the store.
///
/// Memory grows with learners × required modules (the size of the report), never with the number
/// of attempts: each learner's attempts at one module are held only while they are read.
enum CompletionRows {
    /// Calls `body` for each row, learners in id order, modules in id order; returns the gathered figures.
    static func forEach(
        _ context: ReportContext, activeOnly: Bool, _ body: (CompletionRow) throws -> Void
    ) async throws -> CompletionStats {
        let learners = try await context.learners(activeOnly: activeOnly)
        var required: [String: [ReportModule]] = [:]
        for learner in learners { required[learner.id] = context.requiredModules(for: learner) }
        let grants = try await context.grants()
        var standings: [String: ModuleStanding] = [:]
        var stats = CompletionStats()
        var group: [Attempt] = []

        func flush() {
            guard let first = group.first,
                let module = required[first.learnerID]?.first(where: { $0.id == first.moduleID })
            else { return }
            let key = first.learnerID + "\u{0}" + first.moduleID
            standings[key] = standing(group, module: module, grants: grants[key] ?? [], now: context.now)
            for attempt in group {
                var counts = stats.attemptsByModule[attempt.moduleID] ?? (0, 0)
                if attempt.status == .passed { counts.passed += 1 }
                if attempt.status == .failed { counts.failed += 1 }
                stats.attemptsByModule[attempt.moduleID] = counts
            }
        }

        let query = AttemptQuery(learnerID: context.filter.learnerID, moduleID: context.filter.moduleID)
        try await context.store.forEachAttempt(query) { attempt in
            if let first = group.first, first.learnerID != attempt.learnerID || first.moduleID != attempt.moduleID {
                flush()
                group.removeAll(keepingCapacity: true)
            }
            group.append(attempt)
        }
        flush()

        for learner in learners {
            for module in required[learner.id] ?? [] {
                let key = learner.id + "\u{0}" + module.id
                let row = CompletionRow(
                    learner: learner, module: module,
                    standing: standings[key] ?? standing([], module: module, grants: grants[key] ?? [], now: context.now))
                stats.count(row)
                try body(row)
            }
        }
        return stats
    }

    static func standing(_ attempts: [Attempt], module: ReportModule, grants: [Date], now: Date) -> ModuleStanding {
        ModuleStanding.compute(
            attempts: attempts, currentVersion: module.version, validForDays: module.validForDays,
            maxAttempts: module.maxAttempts, grantedAt: grants, now: now)
    }
}
