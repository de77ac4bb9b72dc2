/// What merging a staged roster did to the learners on record.
public struct LearnerMerge: Hashable, Sendable {
    /// Learners who were not on record.
    public var added: Int
    /// Learners on record whose given fields differed, or who were inactive or not from a roster.
    public var updated: Int
    /// Learners on record whom the roster left as they were (their `updatedAt` is kept).
    public var unchanged: Int

    public init(added: Int, updated: Int, unchanged: Int) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}
