/// A parsed answer, in canonical terms (YAML positions, never the letters shown after shuffling).
public enum Answer: Hashable, Sendable {
    /// The canonical index of the chosen choice.
    case choice(Int)
    /// Canonical indices of the chosen choices.
    case choices(Set<Int>)
    case bool(Bool)
    /// Canonical item indices in the order the learner put them.
    case order([Int])
    /// For each canonical left index (array position), the canonical index of the right side chosen.
    case matching([Int])
    case text(String)
    /// The learner skipped the question (never earns credit).
    case skipped
}
