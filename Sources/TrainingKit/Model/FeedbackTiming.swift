/// When a quiz shows right answers, per-choice feedback and explanations.
public enum FeedbackTiming: String, Hashable, Sendable, CaseIterable {
    /// After each answer (the default).
    case immediate
    /// Only on the result screen and in `cares review`; during the attempt each answer is just recorded.
    case end
}
