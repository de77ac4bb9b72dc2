import Foundation

/// One cell of a report row, before a format turns it into text.
public enum ReportValue: Hashable, Sendable {
    case text(String)
    case number(Double)
    case date(Date)
    case bool(Bool)
    case null
    /// Nested rows: JSON writes an array of objects keyed by `keys`; tables and CSV show `text`.
    case records(keys: [String], rows: [[ReportValue]], text: String)

    /// `.text`, or `.null` for nil.
    public static func text(_ value: String?) -> ReportValue { value.map(ReportValue.text) ?? .null }
    /// `.number`, or `.null` for nil.
    public static func number(_ value: Double?) -> ReportValue { value.map(ReportValue.number) ?? .null }
    /// `.number` of an integer, or `.null` for nil.
    public static func integer(_ value: Int?) -> ReportValue { value.map { .number(Double($0)) } ?? .null }
    /// `.date`, or `.null` for nil.
    public static func date(_ value: Date?) -> ReportValue { value.map(ReportValue.date) ?? .null }
}
