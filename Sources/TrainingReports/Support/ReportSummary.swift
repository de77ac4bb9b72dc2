/// Figures and charts that close a report: counts in the table footer, JSON `summary`, HTML header and charts.
public struct ReportSummary: Hashable, Sendable {
    public struct Figure: Hashable, Sendable {
        /// snake_case key for JSON.
        public var key: String
        public var label: String
        public var value: ReportValue
        public var style: ReportColumn.Style

        public init(_ key: String, _ label: String, _ value: ReportValue, _ style: ReportColumn.Style = .integer) {
            self.key = key
            self.label = label
            self.value = value
            self.style = style
        }
    }

    public var figures: [Figure]
    public var charts: [BarChart]
    /// One sentence for the end of a terminal table, such as `3 learners, 3 modules due.`
    public var line: String

    public init(figures: [Figure] = [], charts: [BarChart] = [], line: String = "") {
        self.figures = figures
        self.charts = charts
        self.line = line
    }
}
