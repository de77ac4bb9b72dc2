import Foundation

/// A certificate issued for a passed attempt, with the random verification code printed on it.
public struct Certificate: Hashable, Sendable, Codable {
    /// The verification code in its canonical form (upper-case, no separators).
    public var code: String
    public var attemptID: UUID
    public var issuedAt: Date

    public init(code: String, attemptID: UUID, issuedAt: Date = Date()) {
        self.code = code
        self.attemptID = attemptID
        self.issuedAt = issuedAt
    }
}
