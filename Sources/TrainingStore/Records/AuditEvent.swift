import Foundation

/// A coordinator's action on the records, kept for audit: an extra attempt granted, an attempt voided, a learner erased.
public struct AuditEvent: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// One more attempt at a module in the current period.
        case attemptGranted = "attempt_granted"
        /// An attempt cancelled; it no longer counts for anything.
        case attemptVoided = "attempt_voided"
        /// A learner's personal data erased; `learnerID` is the anonymous id that replaced theirs.
        case learnerErased = "learner_erased"
    }

    public var id: UUID
    public var kind: Kind
    public var learnerID: String
    public var moduleID: String
    /// The attempt acted on (voids only).
    public var attemptID: UUID?
    public var reason: String
    /// The operating-system user who ran the command.
    public var osUser: String
    public var at: Date

    public init(
        id: UUID = UUID(), kind: Kind, learnerID: String, moduleID: String, attemptID: UUID? = nil, reason: String,
        osUser: String, at: Date = Date()
    ) {
        self.id = id
        self.kind = kind
        self.learnerID = learnerID
        self.moduleID = moduleID
        self.attemptID = attemptID
        self.reason = reason
        self.osUser = osUser
        self.at = at
    }
}
