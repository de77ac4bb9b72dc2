import TrainingStore

/// One learner × one required module, with where the learner stands.
public struct CompletionRow: Sendable {
    public var learner: Learner
    public var module: ReportModule
    public var standing: ModuleStanding
}
