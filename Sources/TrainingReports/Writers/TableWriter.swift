import TrainingService
/// Aligned columns for the terminal. Column widths come from the first rows of each section
/// (up to `measuredRows`); later rows are written at once with those widths, so memory stays flat.
public final class TableWriter: ReportWriter {
    private let output: ReportOutput
    private let values: ValueFormatter
    private let measuredRows: Int
    private var section: ReportSection?
    /// Indices of the section's columns shown in the terminal.
    private var shown: [Int] = []
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
        shown = section.columns.indices.filter { section.columns[$0].inTerminal }
        pending = [shown.map { section.columns[$0].heading.uppercased() }]
        widths = nil
        wroteRows = false
        if sectionCount > 0 { try output.write("\n") }
        sectionCount += 1
        if section.key != "rows" { try output.write(TextEscaping.terminal(section.title) + "\n") }
    }

    public func row(_ row: [ReportValue]) throws {
        guard let section else { return }
        let cells = shown.map { index in
            TextEscaping.terminal(index < row.count ? values.display(row[index], section.columns[index].style) : "")
        }
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
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
        }
        return widths
    }

    static func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let last = index == cells.count - 1
            let width = index < widths.count ? widths[index] : 0
            let shown = displayWidth(cell)
            parts.append(last || shown >= width ? cell : cell + String(repeating: " ", count: width - shown))
        }
        var text = parts.joined(separator: "  ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text + "\n"
    }

    /// Terminal columns a cell takes: East Asian wide and fullwidth characters take two, combining marks none.
    public static func displayWidth(_ text: String) -> Int {
        var width = 0
        for character in text {
            guard let scalar = character.unicodeScalars.first else { continue }
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
                0x1F900...0x1F9FF, 0x20000...0x3FFFD:
                width += 2
            default:
                width += 1
            }
        }
        return width
    }
}
