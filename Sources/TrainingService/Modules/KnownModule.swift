import TrainingKit

/// What the records know of a module: from its YAML when loaded, else from the latest snapshot in the store.
public struct KnownModule: Hashable, Sendable {
    public let id: String
    public let title: String
    /// The current version: the YAML's, else the highest recorded.
    public let version: String
    public let passMark: Int
    public let validForDays: Int?
    public let maxAttempts: Int?
    /// The module as loaded from YAML, when it was (question texts and objectives come from it).
    public let module: Module?
    /// The module's rules for attempts, passes and expiry (from the fields above).
    public let policy: ModulePolicy

    public init(id: String, title: String, version: String, passMark: Int, validForDays: Int?, maxAttempts: Int?, module: Module?) {
        self.id = id
        self.title = title
        self.version = version
        self.passMark = passMark
        self.validForDays = validForDays
        self.maxAttempts = maxAttempts
        self.module = module
        policy = ModulePolicy(
            version: ModulePolicy.version(version), passMark: passMark, validForDays: validForDays, maxAttempts: maxAttempts)
    }
}
