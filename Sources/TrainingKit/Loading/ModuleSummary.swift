/// What `cares list` needs of one module file: its id, title, version, attempt rules, and whether it loads.
public struct ModuleSummary: Hashable, Sendable {
    public var path: String
    public var id: String
    public var title: String
    public var version: SemanticVersion
    public var passMark: Int
    public var validForDays: Int?
    public var maxAttempts: Int?
    public var retakeAfterHours: Int?
    public var estimatedMinutes: Int?

    public init(
        path: String, id: String, title: String, version: SemanticVersion, passMark: Int, validForDays: Int? = nil,
        maxAttempts: Int? = nil, retakeAfterHours: Int? = nil, estimatedMinutes: Int? = nil
    ) {
        self.path = path
        self.id = id
        self.title = title
        self.version = version
        self.passMark = passMark
        self.validForDays = validForDays
        self.maxAttempts = maxAttempts
        self.retakeAfterHours = retakeAfterHours
        self.estimatedMinutes = estimatedMinutes
    }

    /// The summary of a module that loaded without errors.
    public init(_ module: Module, path: String) {
        self.init(
            path: path, id: module.id, title: module.title, version: module.version, passMark: module.passMark,
            validForDays: module.validForDays, maxAttempts: module.maxAttempts, retakeAfterHours: module.retakeAfterHours,
            estimatedMinutes: module.estimatedMinutes)
    }
}
