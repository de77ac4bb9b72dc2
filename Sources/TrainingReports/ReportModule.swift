import TrainingKit

/// What reports know of a module: from its YAML when loaded, else from the latest snapshot in the store.
public struct ReportModule: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The current version: the YAML's, else the highest recorded.
    public var version: String
    public var passMark: Int
    public var validForDays: Int?
    public var maxAttempts: Int?
    /// The module as loaded from YAML, when it was (question texts and objectives come from it).
    public var module: Module?

    public init(id: String, title: String, version: String, passMark: Int, validForDays: Int?, maxAttempts: Int?, module: Module?) {
        self.id = id
        self.title = title
        self.version = version
        self.passMark = passMark
        self.validForDays = validForDays
        self.maxAttempts = maxAttempts
        self.module = module
    }
}
