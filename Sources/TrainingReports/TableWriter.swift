/// Aligned columns for the terminal. Column widths come from the first rows of each section
/// (up to `measuredRows`); later rows are written at once with those widths, so memory stays flat.
public final class TableWriter: ReportWriter {
    private let output: ReportOutput
    private let values: ValueFormatter
    private let measuredRows: Int
    private var section: ReportSection?
    private var pending: [[String]] = []
    private var widths: [Int]?
    private var sectionCount = 0
    private var wroteRows = false

    public init(output: ReportOutput, time: ReportTime, measuredRows: Int = 500) {
        self.output = output
        self.values = ValueFormatter(time: time)
        self.measuredRows = measuredRows
    }

    public func begin(_ header: ReportHeader) throws {}

    public func beginSection(_ section: ReportSection) throws {
        self.section = section
        pending = [section.columns.map { $0.heading.uppercased() }]
        widths = nil
        wroteRows = false
        if sectionCount > 0 { try output.write("\n") }
        sectionCount += 1
        if section.key != "rows" { try output.write(TextEscaping.terminal(section.title) + "\n") }
    }

    public func row(_ row: [ReportValue]) throws {
        guard let section else { return }
        let cells = zip(row, section.columns).map { TextEscaping.terminal(values.display($0, $1.style)) }
        wroteRows = true
        if let widths {
            try output.write(Self.line(cells, widths: widths))
            return
        }
        pending.append(cells)
        if pending.count > measuredRows { try flushPending() }
    }

    public func endSection() throws {
        if !wroteRows {
            pending = []
            try output.write("(none)\n")
            return
        }
        try flushPending()
    }

    public func finish(_ summary: ReportSummary) throws {
        if !summary.line.isEmpty { try output.write(TextEscaping.terminal(summary.line) + "\n") }
        try output.flush()
    }

    private func flushPending() throws {
        let widths = self.widths ?? Self.widths(pending)
        self.widths = widths
        for cells in pending { try output.write(Self.line(cells, widths: widths)) }
        pending = []
    }

    static func widths(_ rows: [[String]]) -> [Int] {
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return widths
    }

    static func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let last = index == cells.count - 1
            let width = index < widths.count ? widths[index] : 0
            parts.append(last || cell.count >= width ? cell : cell + String(repeating: " ", count: width - cell.count))
        }
        var text = parts.joined(separator: "  ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text + "\n"
    }
}
