/// One table of a report. CSV carries only the primary section (the first that is not a record);
/// the other formats carry them all.
public struct ReportSection: Hashable, Sendable {
    /// The JSON key of the section's array (`rows` for a report's main table).
    public var key: String
    public var title: String
    public var columns: [ReportColumn]
    /// A section of exactly one row, which JSON writes as an object rather than an array.
    public var isRecord: Bool
    /// Whether JSON carries the section (false when its rows are nested in another section's).
    public var inJSON: Bool

    public init(key: String = "rows", title: String, columns: [ReportColumn], isRecord: Bool = false, inJSON: Bool = true) {
        self.key = key
        self.title = title
        self.columns = columns
        self.isRecord = isRecord
        self.inJSON = inJSON
    }
}
