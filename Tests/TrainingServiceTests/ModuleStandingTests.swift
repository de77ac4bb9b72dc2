import Foundation
import TrainingKit
@testable import TrainingService
import TrainingStore
import XCTest

final class ModuleStandingTests: XCTestCase {
    /// `compute` as it was before it read attempts in place (sorted and filtered copies), kept as the reference.
    private func reference(attempts: [Attempt], policy: ModulePolicy, now: Date) -> ModuleStanding {
        let sorted = attempts.sorted { $0.startedAt < $1.startedAt }
        let current = sorted.filter(policy.isCurrentMajor)
        let passes = current.filter { $0.status == .passed }
        let validPass = passes.last { policy.expiry(of: $0).map { $0 > now } ?? true }
        var periodStart = Date.distantPast
        if validPass == nil, let last = passes.last, let expired = policy.expiry(of: last) { periodStart = expired }
        if let validPass { periodStart = validPass.startedAt }
        let counted = current.filter { $0.status.countsAsAttempt && $0.startedAt >= periodStart }
        let finished = current.filter { $0.status.countsAsAttempt }
        let inProgress = sorted.last { $0.status == .inProgress }
        var state: ModuleStanding.State
        if validPass != nil {
            state = .passed
        } else if let last = passes.last, policy.expiry(of: last) != nil {
            state = .expired
        } else if sorted.contains(where: { $0.status == .passed }) {
            state = .outdated
        } else if current.contains(where: { $0.status == .failed }) {
            state = .failed
        } else {
            state = .notStarted
        }
        if inProgress != nil, state != .passed { state = .inProgress }
        let lastPass = validPass ?? passes.last ?? sorted.last { $0.status == .passed }
        var nextAttemptAt: Date?
        if validPass == nil, let last = counted.last, last.status == .failed, let next = policy.retakeTime(after: last), next > now {
            nextAttemptAt = next
        }
        var standing = ModuleStanding(
            state: state, bestScore: finished.compactMap(\.scorePercent).max(), lastPass: lastPass,
            expiresAt: lastPass.flatMap(policy.expiry(of:)), inProgress: inProgress,
            attemptsUsed: validPass == nil ? counted.count : 0,
            attemptsAllowed: policy.maxAttempts, periodStart: periodStart)
        standing.nextAttemptAt = nextAttemptAt
        return standing
    }

    /// Random histories (versions, statuses, scores, times in and out of order) under random
    /// policies give exactly the reference's standing.
    func testTheStandingIsTheReferencesOnRandomHistories() {
        var random = SeededGenerator(seed: 2026)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let statuses: [AttemptStatus] = [.passed, .failed, .inProgress, .abandoned, .void]
        var states = Set<ModuleStanding.State>()
        for _ in 0..<4_000 {
            let policy = ModulePolicy(
                version: SemanticVersion(major: 2, minor: 0, patch: 0), passMark: 80,
                validForDays: [nil, 30, 365][random.below(3)], maxAttempts: [nil, 1, 3][random.below(3)],
                retakeAfterHours: [nil, 24, 2_000][random.below(3)])
            var attempts: [Attempt] = []
            for _ in 0..<random.below(7) {
                let started = now.addingTimeInterval(-Double(random.below(800)) * 86_400 + Double(random.below(3)))
                let status = statuses[random.below(statuses.count)]
                let finished = status == .inProgress ? nil : started.addingTimeInterval(600)
                attempts.append(Attempt(
                    learnerID: "rn-1", moduleID: "m", moduleVersion: ["1.4.0", "2.0.0", "2.1.0-beta", "x"][random.below(4)],
                    contentHash: "", seed: 1, questionCount: 5, startedAt: started, finishedAt: finished, status: status,
                    scorePercent: status.countsAsAttempt ? Double(random.below(5) * 25) : nil))
            }
            if random.below(2) == 0 { attempts.sort { $0.startedAt < $1.startedAt } }
            let standing = ModuleStanding.compute(attempts: attempts, policy: policy, now: now)
            XCTAssertEqual(standing, reference(attempts: attempts, policy: policy, now: now), "\(attempts)")
            states.insert(standing.state)
        }
        XCTAssertEqual(states.count, 6, "every state is met: \(states)")
    }
}
