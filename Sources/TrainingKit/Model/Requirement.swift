/// A site rule: which modules the people in some departments and roles must complete.
public struct Requirement: Hashable, Sendable {
    public var modules: [String]
    /// Department names, or `*` for everyone.
    public var departments: [String]
    /// Role names, or `*` (the default) for every role.
    public var roles: [String]

    public init(modules: [String], departments: [String] = ["*"], roles: [String] = ["*"]) {
        self.modules = modules
        self.departments = departments
        self.roles = roles
    }

    /// Whether this rule applies to a learner in this department and role (case-insensitive).
    public func applies(department: String?, role: String?) -> Bool {
        func matches(_ patterns: [String], _ value: String?) -> Bool {
            patterns.contains("*") || patterns.contains { $0.lowercased() == value?.lowercased() }
        }
        return matches(departments, department) && matches(roles, role)
    }
}
