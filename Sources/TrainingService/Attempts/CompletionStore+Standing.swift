import Foundation
import TrainingStore

extension CompletionStore {
    /// Where a learner stands with a module under `policy`, counting the attempts granted in the current period.
    public func standing(
        learnerID: String, moduleID: String, policy: ModulePolicy, now: Date = Date()
    ) async throws -> ModuleStanding {
        let attempts = try await attempts(learnerID: learnerID, moduleID: moduleID)
        let grants = try await auditEvents(learnerID: learnerID, moduleID: moduleID)
            .filter { $0.kind == .attemptGranted }.map(\.at)
        return ModuleStanding.compute(attempts: attempts, policy: policy, grantedAt: grants, now: now)
    }
}
