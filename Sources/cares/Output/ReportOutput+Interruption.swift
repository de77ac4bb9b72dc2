import TrainingReports

extension ReportOutput {
    /// `ReportOutput.file(path)`, with `OutputInterruption` installed first when `path` names a file.
    static func interruptibleFile(_ path: String) throws -> ReportOutput {
        if path != "-" { OutputInterruption.install() }
        return try file(path)
    }
}
