import Foundation
import TrainingStore

/// Where one learner stands with one module: passed and valid, due, in progress, out of attempts.
///
/// A pass is valid for `validForDays` from when it finished; a pass on an earlier MAJOR version
/// does not count. Attempts are counted per validity period: only passed and failed attempts on the
/// current MAJOR version that started after the last pass expired.
public struct ModuleStanding: Hashable, Sendable {
    /// The state in a word, for lists and reports.
    public enum State: String, Hashable, Sendable {
        case notStarted = "not_started"
        case inProgress = "in_progress"
        case passed
        case failed
        /// A pass that has expired.
        case expired
        /// A pass on an earlier MAJOR version only.
        case outdated
    }

    public var state: State
    /// The best finished attempt's percentage on the current MAJOR version, if any.
    public var bestScore: Double?
    /// The most recent valid pass (or the last pass, when expired or outdated).
    public var lastPass: Attempt?
    /// When the pass expires (nil: never, or no pass).
    public var expiresAt: Date?
    public var inProgress: Attempt?
    /// Passed or failed attempts counted in the current period.
    public var attemptsUsed: Int
    /// Attempts allowed in the period (`max_attempts` plus grants); nil means unlimited.
    public var attemptsAllowed: Int?
    /// When the current attempt period began (`distantPast` before any pass expired).
    public var periodStart: Date = .distantPast
    /// When a new attempt may start, while the cool-down after a failed attempt (`retake_after_hours`) lasts.
    public var nextAttemptAt: Date?

    /// Attempts left in this period; nil means unlimited.
    public var attemptsLeft: Int? { attemptsAllowed.map { max(0, $0 - attemptsUsed) } }

    /// Whether a new attempt is refused because the period's attempts are used up.
    public var isOutOfAttempts: Bool { attemptsLeft == 0 }

    /// Whether a new attempt is refused until `nextAttemptAt`.
    public var isCoolingDown: Bool { nextAttemptAt != nil }

    /// Whether the learner holds a pass that is valid at `now`.
    public var isCompliant: Bool { state == .passed }

    /// Computes the standing from the learner's attempts at one module (any order), with `grants` extra attempts.
    public static func compute(
        attempts: [Attempt], policy: ModulePolicy, grants: Int = 0, now: Date = Date()
    ) -> ModuleStanding {
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

        var state: State
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
            attemptsAllowed: policy.maxAttempts.map { $0 + grants }, periodStart: periodStart)
        standing.nextAttemptAt = nextAttemptAt
        return standing
    }

    /// Computes the standing counting only the grants made in the current period (given by when each was made).
    public static func compute(
        attempts: [Attempt], policy: ModulePolicy, grantedAt: [Date], now: Date = Date()
    ) -> ModuleStanding {
        var standing = compute(attempts: attempts, policy: policy, now: now)
        let grants = grantedAt.filter { $0 >= standing.periodStart && $0 <= now }.count
        standing.attemptsAllowed = policy.maxAttempts.map { $0 + grants }
        return standing
    }
}
