/// Where an attempt stands.
public enum AttemptStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case inProgress = "in_progress"
    case passed
    case failed
    /// Left behind: the module changed, or the learner started over. Does not count against max_attempts.
    case abandoned
    /// Cancelled by a coordinator, with a reason.
    case void

    /// Whether the attempt is over and counted against `max_attempts`.
    public var countsAsAttempt: Bool { self == .passed || self == .failed }
}
