import TrainingKit
import TrainingStore

/// An attempt ready to run: the stored attempt, the answers it already has and how it came about.
public struct OpenedAttempt: Sendable {
    /// How the attempt came to be open.
    public enum Origin: Sendable {
        /// A new attempt; `standing` is where the learner stood before it (a valid pass makes it practice).
        case started(standing: ModuleStanding)
        /// An unfinished attempt, continued at its next question.
        case continued
        /// The module changed since the unfinished attempt began: that one is kept as abandoned and
        /// this one is new; `standing` as for `started`.
        case restartedAfterChange(standing: ModuleStanding)
    }

    public var attempt: Attempt
    /// Marks of the questions already answered, by question id.
    public var marks: [String: Mark]
    public var origin: Origin

    /// Whether nothing has been answered yet, so the intro and lessons come first.
    public var isFresh: Bool { marks.isEmpty }
}
