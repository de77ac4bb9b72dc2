/// Which of a learner's finished attempts at a module version the item analysis counts.
public enum ItemAttemptRule: String, CaseIterable, Hashable, Sendable {
    /// Every finished, non-void attempt.
    case all
    /// Each learner's first finished, non-void attempt (the default: later ones have seen the questions).
    case first
    /// Each learner's latest finished, non-void attempt.
    case last
    /// Each learner's highest-scoring finished, non-void attempt (ties: the earliest).
    case best

    /// The rule in words, for report titles.
    public var described: String {
        switch self {
        case .all: return "every finished attempt"
        case .first: return "each learner's first finished attempt"
        case .last: return "each learner's last finished attempt"
        case .best: return "each learner's best finished attempt"
        }
    }

    /// The attempts this rule keeps, in their original order.
    func select(_ attempts: [AnalysedAttempt]) -> [AnalysedAttempt] {
        guard self != .all else { return attempts }
        var chosen: [String: AnalysedAttempt] = [:]
        for attempt in attempts {
            guard let current = chosen[attempt.learnerID] else {
                chosen[attempt.learnerID] = attempt
                continue
            }
            if prefers(attempt, over: current) { chosen[attempt.learnerID] = attempt }
        }
        let kept = Set(chosen.values.map(\.id))
        return attempts.filter { kept.contains($0.id) }
    }

    private func prefers(_ candidate: AnalysedAttempt, over current: AnalysedAttempt) -> Bool {
        let earlier = (candidate.startedAt, candidate.id.uuidString) < (current.startedAt, current.id.uuidString)
        switch self {
        case .all, .first: return earlier
        case .last: return !earlier
        case .best: return candidate.score != current.score ? candidate.score > current.score : earlier
        }
    }
}
