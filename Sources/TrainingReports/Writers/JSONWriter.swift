import TrainingService
/// One JSON object: `report`, `title`, `site_name`, `generated_at`, `filters`, an array per section
/// (`rows` for the main one) with one object per row keyed by the column keys, and `summary`.
public final class JSONWriter: ReportWriter {
    private let output: ReportOutput
    private let values: ValueFormatter
    private var columns: [ReportColumn] = []
    private var firstRow = true
    private var section: ReportSection?

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
        self.section = section
        columns = section.columns
        firstRow = true
        guard section.inJSON, !section.isRecord else { return }
        try output.write("  \(TextEscaping.json(section.key)): [")
    }

    public func row(_ row: [ReportValue]) throws {
        guard let section, section.inJSON else { return }
        let fields = zip(columns, row).map { "\(TextEscaping.json($0.key)): \(values.json($1))" }
        if section.isRecord {
            guard firstRow else { return }
            try output.write("  \(TextEscaping.json(section.key)): {" + fields.joined(separator: ", ") + "},\n")
        } else {
            try output.write((firstRow ? "\n    {" : ",\n    {") + fields.joined(separator: ", ") + "}")
        }
        firstRow = false
    }

    public func endSection() throws {
        guard let section, section.inJSON else { return }
        if section.isRecord {
            if firstRow { try output.write("  \(TextEscaping.json(section.key)): null,\n") }
            return
        }
        try output.write(firstRow ? "],\n" : "\n  ],\n")
    }

    public func finish(_ summary: ReportSummary) throws {
        let figures = summary.figures.map { "\(TextEscaping.json($0.key)): \(values.json($0.value))" }
        try output.write("  \"summary\": {" + figures.joined(separator: ", ") + "}\n}\n")
        try output.flush()
    }
}
