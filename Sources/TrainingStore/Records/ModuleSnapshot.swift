import TrainingKit

/// The facts about a module copied into the store when an attempt starts, so reports need no YAML.
public struct ModuleSnapshot: Hashable, Sendable, Codable {
    public var moduleID: String
    public var version: String
    public var title: String
    public var contentHash: String
    public var passMark: Int
    public var validForDays: Int?
    public var maxAttempts: Int?

    public init(
        moduleID: String, version: String, title: String, contentHash: String, passMark: Int,
        validForDays: Int? = nil, maxAttempts: Int? = nil
    ) {
        self.moduleID = moduleID
        self.version = version
        self.title = title
        self.contentHash = contentHash
        self.passMark = passMark
        self.validForDays = validForDays
        self.maxAttempts = maxAttempts
    }

    /// The module version parsed, for comparing versions (stored as the text the module gave); nil
    /// when that text is not a semantic version.
    public var semanticVersion: SemanticVersion? { SemanticVersion(version) }
}
