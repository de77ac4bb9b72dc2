import TrainingService
/// RFC 4180 CSV: a UTF-8 byte order mark (so Excel reads UTF-8), a header row, CRLF line ends,
/// ISO 8601 times with offset, and text cells neutralised against formula injection.
/// Only the report's first section that is not a one-row record is written.
public final class CSVWriter: ReportWriter {
    private let output: ReportOutput
    private let values: ValueFormatter
    private var columns: [ReportColumn]?
    private var sectionIndex = 0

    public init(output: ReportOutput, time: ReportTime) {
        self.output = output
        self.values = ValueFormatter(time: time)
    }

    public func begin(_ header: ReportHeader) throws {
        try output.write("\u{FEFF}")
    }

    public func beginSection(_ section: ReportSection) throws {
        guard !section.isRecord else {
            columns = nil
            return
        }
        sectionIndex += 1
        guard sectionIndex == 1 else {
            columns = nil
            return
        }
        columns = section.columns
        try output.write(section.columns.map { TextEscaping.csv($0.key, neutralise: true) }.joined(separator: ",") + "\r\n")
    }

    public func row(_ row: [ReportValue]) throws {
        guard columns != nil else { return }
        let cells = row.map { value -> String in
            if case .text(let text) = value { return TextEscaping.csv(text, neutralise: true) }
            return TextEscaping.csv(values.file(value), neutralise: false)
        }
        try output.write(cells.joined(separator: ",") + "\r\n")
    }

    public func endSection() throws {}

    public func finish(_ summary: ReportSummary) throws {
        try output.flush()
    }
}
