import Foundation

/// One xAPI statement, ready to send: its id, verb and attempt beside its compact JSON text.
public struct XAPIStatement: Sendable, Equatable {
    public let id: UUID
    /// `completed`, `passed`, `failed`, or `voided` (a statement that voids one of those).
    public let verb: String
    public let attemptID: UUID
    /// When the attempt finished, or was voided (the statement's timestamp).
    public let timestamp: Date
    /// The statement as compact JSON.
    public let json: String
}
