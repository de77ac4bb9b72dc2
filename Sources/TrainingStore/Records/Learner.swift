import Foundation

/// A person who takes training, identified by a staff id.
public struct Learner: Hashable, Sendable, Codable {
    public var id: String
    public var name: String?
    public var email: String?
    public var department: String?
    public var role: String?
    /// False once the learner has left the organisation: no longer due, history kept.
    public var isActive: Bool
    /// True when the learner came from a roster import rather than first use.
    public var fromRoster: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, name: String? = nil, email: String? = nil, department: String? = nil, role: String? = nil,
        isActive: Bool = true, fromRoster: Bool = false, createdAt: Date = Date(), updatedAt: Date = Date()
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.department = department
        self.role = role
        self.isActive = isActive
        self.fromRoster = fromRoster
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
