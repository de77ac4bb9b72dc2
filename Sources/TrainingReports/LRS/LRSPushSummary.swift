/// What one `cares lrs push` did (so far, when it stopped early).
public struct LRSPushSummary: Sendable, Equatable {
    public var attempts = 0
    /// Voided attempts whose voiding statements were sent.
    public var voids = 0
    public var statements = 0
    public var batches = 0
    /// Statements the LRS held other content for under the same id (409 one by one).
    public var conflicts = 0
    public var retries = 0

    public init() {}
}
