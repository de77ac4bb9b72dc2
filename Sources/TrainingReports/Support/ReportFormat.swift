import TrainingService
/// The output formats of reports.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, csv, json, html, xapi

    /// A writer for this format (nil for `xapi`, which has its own writer).
    public func writer(output: ReportOutput, time: ReportTime) -> ReportWriter? {
        switch self {
        case .table: return TableWriter(output: output, time: time)
        case .csv: return CSVWriter(output: output, time: time)
        case .json: return JSONWriter(output: output, time: time)
        case .html: return HTMLWriter(output: output, time: time)
        case .xapi: return nil
        }
    }
}
