import TrainingService
import TrainingStore

/// One learner × one required module, with where the learner stands.
public struct CompletionRow: Sendable {
    public var learner: Learner
    public var module: KnownModule
    public var standing: ModuleStanding
}
