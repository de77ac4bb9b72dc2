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
        // Reports call this once per learner and module, with the store's attempts already in
        // order: they are read in place, by index, rather than copied into filtered arrays.
        let sorted = zip(attempts, attempts.dropFirst()).allSatisfy({ $0.startedAt <= $1.startedAt })
            ? attempts : attempts.sorted { $0.startedAt < $1.startedAt }
        var isCurrent = [Bool](repeating: false, count: sorted.count)
        var lastPass: Int?  // the last pass on the current MAJOR version
        var validPass: Int?  // the last of those that has not expired
        var lastAnyPass: Int?  // the last pass on any version
        var currentFailed = false
        var inProgress: Int?
        for index in sorted.indices {
            let status = sorted[index].status
            if status == .inProgress { inProgress = index }
            if status == .passed { lastAnyPass = index }
            guard policy.isCurrentMajor(sorted[index]) else { continue }
            isCurrent[index] = true
            if status == .failed { currentFailed = true }
            if status == .passed {
                lastPass = index
                if policy.expiry(of: sorted[index]).map({ $0 > now }) ?? true { validPass = index }
            }
        }
        var periodStart = Date.distantPast
        if validPass == nil, let last = lastPass, let expired = policy.expiry(of: sorted[last]) { periodStart = expired }
        if let validPass { periodStart = sorted[validPass].startedAt }
        var bestScore: Double?
        var counted = 0
        var lastCounted: Int?
        for index in sorted.indices where isCurrent[index] && sorted[index].status.countsAsAttempt {
            if let score = sorted[index].scorePercent, bestScore.map({ score > $0 }) ?? true { bestScore = score }
            if sorted[index].startedAt >= periodStart {
                counted += 1
                lastCounted = index
            }
        }

        var state: State
        if validPass != nil {
            state = .passed
        } else if let last = lastPass, policy.expiry(of: sorted[last]) != nil {
            state = .expired
        } else if lastAnyPass != nil {
            state = .outdated
        } else if currentFailed {
            state = .failed
        } else {
            state = .notStarted
        }
        if inProgress != nil, state != .passed { state = .inProgress }
        let shownPass = (validPass ?? lastPass ?? lastAnyPass).map { sorted[$0] }
        var nextAttemptAt: Date?
        if validPass == nil, let last = lastCounted, sorted[last].status == .failed,
            let next = policy.retakeTime(after: sorted[last]), next > now
        {
            nextAttemptAt = next
        }
        var standing = ModuleStanding(
            state: state, bestScore: bestScore, lastPass: shownPass,
            expiresAt: shownPass.flatMap(policy.expiry(of:)), inProgress: inProgress.map { sorted[$0] },
            attemptsUsed: validPass == nil ? counted : 0,
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
