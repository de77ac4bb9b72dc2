/// A site's local settings: facts for `{{site.KEY}}` placeholders, training requirements and xAPI settings.
public struct Site: Hashable, Sendable {
    public var facts: [String: String]
    public var requirements: [Requirement]
    /// `actor.account.homePage` for xAPI exports.
    public var xapiHomePage: String?
    public var path: String

    public init(facts: [String: String] = [:], requirements: [Requirement] = [], xapiHomePage: String? = nil, path: String = "") {
        self.facts = facts
        self.requirements = requirements
        self.xapiHomePage = xapiHomePage
        self.path = path
    }

    /// The ids of the modules required of someone in this department and role; nil when the site sets no requirements.
    public func requiredModules(department: String?, role: String?) -> Set<String>? {
        guard !requirements.isEmpty else { return nil }
        var result = Set<String>()
        for requirement in requirements where requirement.applies(department: department, role: role) {
            result.formUnion(requirement.modules)
        }
        return result
    }
}
