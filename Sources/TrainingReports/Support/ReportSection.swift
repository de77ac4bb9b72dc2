/// One table of a report. CSV carries only the primary section; the other formats carry them all.
public struct ReportSection: Hashable, Sendable {
    /// The JSON key of the section's array (`rows` for a report's main table).
    public var key: String
    public var title: String
    public var columns: [ReportColumn]

    public init(key: String = "rows", title: String, columns: [ReportColumn]) {
        self.key = key
        self.title = title
        self.columns = columns
    }
}
