/// What a store can do beyond the `CompletionStore` methods.
public struct StoreCapabilities: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The records are one file on this machine (it can be missing, and checked for existence).
    public static let localFile = StoreCapabilities(rawValue: 1 << 0)
    /// `RecordStore.backup(to:)` copies a consistent snapshot while others write.
    public static let onlineBackup = StoreCapabilities(rawValue: 1 << 1)
    /// `integrityProblems()` checks every page of the file, not only the tables and schema version.
    public static let integrityCheck = StoreCapabilities(rawValue: 1 << 2)
    /// A server shared by many terminals; its connection and grants are set up by an administrator.
    public static let shared = StoreCapabilities(rawValue: 1 << 3)
}
