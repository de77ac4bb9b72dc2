/// Which columns of a section a terminal table shows and how wide each is, to fit a width.
///
/// Free-text columns that yield (names, titles, prompts) are truncated first, down to
/// `minimumYield` characters; if that is not enough, columns are dropped, the highest priority
/// number first (rightmost first among equals), never those of priority 1. If chosen columns or
/// priority-1 columns still do not fit, every text column is narrowed down to `minimumYield`.
struct TableFit: Equatable {
    /// Indexes into the section's columns, in the order shown.
    var shown: [Int]
    /// The width of each shown column, in the same order.
    var widths: [Int]

    static let gap = 2
    static let minimumYield = 10

    /// - Parameters:
    ///   - natural: the widest cell (heading included) of each of the section's columns.
    ///   - chosen: column indexes chosen by the user (never dropped), or nil.
    /// With `mayDrop` (default: nothing `chosen`), low-priority columns are dropped to fit.
    static func fit(columns: [ReportColumn], natural: [Int], width: Int?, chosen: [Int]?, mayDrop: Bool? = nil) -> TableFit {
        var shown = chosen ?? Array(columns.indices)
        guard let width else { return TableFit(shown: shown, widths: shown.map { natural[$0] }) }
        func minimum(_ index: Int) -> Int {
            columns[index].yields ? min(natural[index], minimumYield) : natural[index]
        }
        func total(_ set: [Int], _ measure: (Int) -> Int) -> Int {
            set.map(measure).reduce(0, +) + gap * max(0, set.count - 1)
        }
        if mayDrop ?? (chosen == nil) {
            while total(shown, minimum) > width {
                let lowest = shown.map { columns[$0].priority }.max() ?? 1
                guard lowest > 1, let drop = shown.lastIndex(where: { columns[$0].priority == lowest }) else { break }
                shown.remove(at: drop)
            }
        }
        var widths = shown.map { natural[$0] }
        var excess = total(shown) { natural[$0] } - width
        // Narrow the widest yielding column, one character at a time, then any text column.
        for pass in 0..<2 where excess > 0 {
            let narrowable = shown.indices.filter { position in
                let column = columns[shown[position]]
                return pass == 0 ? column.yields : column.style == .text || column.style == .label
            }
            while excess > 0 {
                guard let widest = narrowable.filter({ widths[$0] > minimumYield }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
                excess -= 1
            }
        }
        return TableFit(shown: shown, widths: widths)
    }

    /// `text` cut to `width` terminal columns, ending in "…" when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard TableWriter.displayWidth(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var result = ""
        var used = 0
        for character in text {
            let size = TableWriter.displayWidth(String(character))
            if used + size > width - 1 { break }
            result.append(character)
            used += size
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result + "…"
    }
}
