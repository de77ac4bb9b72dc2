/// A column of a report: its stable snake_case key (JSON, CSV header), its heading, and how values read.
public struct ReportColumn: Hashable, Sendable {
    /// How a value in this column is shown in a table and written as text.
    public enum Style: Hashable, Sendable {
        case text
        case integer
        /// 0–100, shown as `88%` in tables.
        case percent
        /// A fraction 0–1 (written as such to files), shown as `88%` in tables.
        case fraction
        /// A ratio such as 0.75, shown with two decimals.
        case ratio
        /// Points, shown without trailing zeros.
        case points
        /// A moment, shown in tables as local date and time.
        case moment
        /// A moment, shown in tables as the local date only.
        case day
        case bool
    }

    public var key: String
    public var heading: String
    public var style: Style
    /// Whether the terminal table shows this column (files and HTML always carry it unless `inHTML` is false).
    public var inTerminal: Bool
    /// Whether the HTML table shows this column.
    public var inHTML: Bool

    public init(_ key: String, _ heading: String, _ style: Style = .text, inTerminal: Bool = true, inHTML: Bool = true) {
        self.key = key
        self.heading = heading
        self.style = style
        self.inTerminal = inTerminal
        self.inHTML = inHTML
    }
}
