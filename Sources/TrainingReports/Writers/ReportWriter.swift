/// Receives a report as it is produced, one row at a time, and writes it in one format.
///
/// Calls come in this order: `begin`, then for each section `beginSection`, `row`…, `endSection`,
/// then `finish`. A writer keeps at most a bounded number of rows in memory.
public protocol ReportWriter: AnyObject {
    func begin(_ header: ReportHeader) throws
    func beginSection(_ section: ReportSection) throws
    func row(_ values: [ReportValue]) throws
    func endSection() throws
    func finish(_ summary: ReportSummary) throws
}
