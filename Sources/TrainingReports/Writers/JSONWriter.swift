import TrainingService
/// One JSON object: `report`, `title`, `site_name`, `generated_at`, `filters`, an array per section
/// (`rows` for the main one) with one object per row keyed by the column keys, and `summary`.
public final class JSONWriter: ReportWriter {
    private let output: ReportOutput
    private let values: ValueFormatter
    private var columns: [ReportColumn] = []
    private var firstRow = true

    public init(output: ReportOutput, time: ReportTime) {
        self.output = output
        self.values = ValueFormatter(time: time)
    }

    public func begin(_ header: ReportHeader) throws {
        var text = "{\n"
        text += "  \"report\": \(TextEscaping.json(header.kind)),\n"
        text += "  \"title\": \(TextEscaping.json(header.title)),\n"
        text += "  \"site_name\": \(header.siteName.map(TextEscaping.json) ?? "null"),\n"
        text += "  \"generated_at\": \(values.json(.date(header.generatedAt))),\n"
        let filters = header.filters.map { "\(TextEscaping.json($0.key)): \(TextEscaping.json($0.value))" }
        text += "  \"filters\": {" + filters.joined(separator: ", ") + "},\n"
        try output.write(text)
    }

    public func beginSection(_ section: ReportSection) throws {
        columns = section.columns
        firstRow = true
        try output.write("  \(TextEscaping.json(section.key)): [")
    }

    public func row(_ row: [ReportValue]) throws {
        let fields = zip(columns, row).map { "\(TextEscaping.json($0.key)): \(values.json($1))" }
        try output.write((firstRow ? "\n    {" : ",\n    {") + fields.joined(separator: ", ") + "}")
        firstRow = false
    }

    public func endSection() throws {
        try output.write(firstRow ? "],\n" : "\n  ],\n")
    }

    public func finish(_ summary: ReportSummary) throws {
        let figures = summary.figures.map { "\(TextEscaping.json($0.key)): \(values.json($0.value))" }
        try output.write("  \"summary\": {" + figures.joined(separator: ", ") + "}\n}\n")
        try output.flush()
    }
}
