import Foundation

/// Which attempts a streaming read visits; every field left nil matches everything.
public struct AttemptQuery: Hashable, Sendable {
    public var learnerID: String?
    public var moduleID: String?
    /// Attempts that started at or after this instant.
    public var startedFrom: Date?
    /// Attempts that started before this instant.
    public var startedBefore: Date?

    public init(learnerID: String? = nil, moduleID: String? = nil, startedFrom: Date? = nil, startedBefore: Date? = nil) {
        self.learnerID = learnerID
        self.moduleID = moduleID
        self.startedFrom = startedFrom
        self.startedBefore = startedBefore
    }
}
