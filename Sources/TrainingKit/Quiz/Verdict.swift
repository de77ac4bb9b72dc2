/// How an answer went, in the words the learner sees.
public enum Verdict: String, Hashable, Sendable {
    case correct
    case partial
    case incorrect
    case skipped
    /// A reflection: kept (or not), never marked.
    case recorded
}
