import TrainingService
/// The output formats of reports.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, csv, json, html, xapi

    /// A writer for this format (nil for `xapi`, which has its own writer); `layout` is the table's.
    public func writer(output: ReportOutput, time: ReportTime, layout: TableLayout = .full) -> ReportWriter? {
        switch self {
        case .table: return TableWriter(output: output, time: time, layout: layout)
        case .csv: return CSVWriter(output: output, time: time)
        case .json: return JSONWriter(output: output, time: time)
        case .html: return HTMLWriter(output: output, time: time)
        case .xapi: return nil
        }
    }
}
