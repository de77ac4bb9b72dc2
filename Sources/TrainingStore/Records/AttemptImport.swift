/// What `CompletionStore.importAttempt` did with one attempt and its responses.
public struct AttemptImport: Hashable, Sendable {
    /// What happened to the attempt row itself.
    public enum Outcome: String, Hashable, Sendable {
        /// It was not there and was inserted.
        case inserted
        /// It was there in progress and has been closed with the imported result.
        case closed
        /// It was there already and was left as it is.
        case skipped
    }

    public var outcome: Outcome
    public var responsesInserted: Int
    public var responsesSkipped: Int

    public init(outcome: Outcome, responsesInserted: Int, responsesSkipped: Int) {
        self.outcome = outcome
        self.responsesInserted = responsesInserted
        self.responsesSkipped = responsesSkipped
    }
}
