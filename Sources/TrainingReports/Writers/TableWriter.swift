import TrainingService
/// Aligned columns for the terminal. Column widths come from the first rows of each section
/// (up to `measuredRows`); later rows are written at once with those widths, so memory stays flat.
///
/// With a width in its `TableLayout` (a terminal), the table fits it: free text is truncated with
/// "…" and low-priority columns are dropped (see `TableFit`), with a note saying which. Without one
/// (piped output, a file, `--wide`), every cell is written in full.
public final class TableWriter: ReportWriter {
    private let output: ReportOutput
    private let values: ValueFormatter
    private let measuredRows: Int
    private let layout: TableLayout
    private var section: ReportSection?
    private var chosen: [Int]?
    /// Whether `--columns` chose the columns (then none is dropped to fit).
    private var userChosen = false
    private var pending: [[String]] = []
    private var fit: TableFit?
    private var sectionCount = 0
    private var wroteRows = false

    public init(output: ReportOutput, time: ReportTime, layout: TableLayout = .full, measuredRows: Int = 500) {
        self.output = output
        self.values = ValueFormatter(time: time)
        self.layout = layout
        self.measuredRows = measuredRows
    }

    public func begin(_ header: ReportHeader) throws {}

    public func beginSection(_ section: ReportSection) throws {
        self.section = section
        let keys = section.columns.map(\.key)
        let picked = (layout.columns ?? []).compactMap { keys.firstIndex(of: $0) }
        // Columns a report keeps out of terminal tables (such as nested records) are left out unless chosen.
        let terminal = section.columns.indices.filter { section.columns[$0].inTerminal }
        chosen = !picked.isEmpty ? picked : (terminal.count < section.columns.count ? terminal : nil)
        userChosen = !picked.isEmpty
        pending = [section.columns.map { $0.heading.uppercased() }]
        fit = nil
        wroteRows = false
        if sectionCount > 0 { try output.write("\n") }
        sectionCount += 1
        if section.key != "rows" { try output.write(TextEscaping.terminal(section.title) + "\n") }
    }

    public func row(_ row: [ReportValue]) throws {
        guard let section else { return }
        let cells = zip(row, section.columns).map { TextEscaping.terminal(values.display($0, $1.style)) }
        wroteRows = true
        if let fit {
            try output.write(line(cells, fit))
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
        let candidates = chosen ?? section.map { Array($0.columns.indices) } ?? []
        if let section, let fit, let width = layout.width, !userChosen, fit.shown.count < candidates.count {
            let hidden = candidates.filter { !fit.shown.contains($0) }.map { section.columns[$0].key }
            let note = "(\(hidden.count) column\(hidden.count == 1 ? "" : "s") hidden to fit \(width): "
                + hidden.joined(separator: ", ") + "; --wide shows all, --columns chooses)"
            try output.write(Self.wrap(note, width: width))
        }
    }

    public func finish(_ summary: ReportSummary) throws {
        if !summary.line.isEmpty { try output.write(TextEscaping.terminal(summary.line) + "\n") }
        try output.flush()
    }

    private func flushPending() throws {
        guard let section else { return }
        let fit = self.fit ?? TableFit.fit(
            columns: section.columns, natural: Self.widths(pending), width: layout.width, chosen: chosen, mayDrop: !userChosen)
        self.fit = fit
        for cells in pending { try output.write(line(cells, fit)) }
        pending = []
    }

    /// One row: the shown cells, truncated to their widths when the table is fitted.
    private func line(_ cells: [String], _ fit: TableFit) -> String {
        let shown = fit.shown.map { $0 < cells.count ? cells[$0] : "" }
        guard layout.width != nil else { return Self.line(shown, widths: fit.widths) }
        return Self.line(zip(shown, fit.widths).map { TableFit.truncate($0, to: $1) }, widths: fit.widths)
    }

    /// A note wrapped at spaces to `width` columns.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, displayWidth(current) + 1 + displayWidth(String(word)) > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        lines.append(current)
        return lines.joined(separator: "\n") + "\n"
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
