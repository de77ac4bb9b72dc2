/// How a terminal table is laid out: fitted to a width, or in full; all columns, or chosen ones.
public struct TableLayout: Hashable, Sendable {
    /// The width to fit (nil: every column in full, as for piped output, a file or `--wide`).
    public var width: Int?
    /// The columns to show, by key and in this order (nil: by priority). A section shows those it has;
    /// one that has none of them is shown as if none were chosen.
    public var columns: [String]?

    public init(width: Int? = nil, columns: [String]? = nil) {
        self.width = width
        self.columns = columns
    }

    /// Every column in full: the layout of piped output.
    public static let full = TableLayout()

    /// The keys of `names` that no section has (empty when all are known).
    public static func unknown(_ names: [String], in sections: [ReportSection]) -> [String] {
        let known = Set(sections.flatMap { $0.columns.map(\.key) })
        return names.filter { !known.contains($0) }
    }
}
