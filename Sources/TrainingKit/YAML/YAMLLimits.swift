/// Limits that keep a hostile or broken file from exhausting memory, stack or time.
public struct YAMLLimits: Sendable {
    /// The largest file read, in bytes.
    public var maxFileBytes: Int
    /// The deepest nesting of mappings and sequences.
    public var maxDepth: Int

    public init(maxFileBytes: Int = 1 << 20, maxDepth: Int = 64) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
    }

    public static let `default` = YAMLLimits()
}
