import Foundation
import TrainingService

/// Turns report values into text for a table (for people) or a file (for programs).
struct ValueFormatter {
    let time: ReportTime

    /// Text for a terminal or HTML table cell.
    func display(_ value: ReportValue, _ style: ReportColumn.Style) -> String {
        switch value {
        case .null: return "–"
        case .text(let text): return style == .label ? text.replacingOccurrences(of: "_", with: " ") : text
        case .records(_, _, let text): return text
        case .bool(let flag): return flag ? "yes" : "no"
        case .date(let date):
            switch style {
            case .day: return time.day(date)
            default: return time.moment(date)
            }
        case .number(let number):
            switch style {
            case .percent: return Self.percent(number)
            case .fraction: return Self.percent(number * 100)
            case .ratio: return String(format: "%.2f", number)
            case .integer: return String(Int(number.rounded()))
            default: return Self.plain(number)
            }
        }
    }

    /// Text for a CSV cell (nil: empty).
    func file(_ value: ReportValue) -> String {
        switch value {
        case .null: return ""
        case .text(let text), .records(_, _, let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .date(let date): return time.iso(date)
        case .number(let number): return Self.plain(number)
        }
    }

    /// A JSON value.
    func json(_ value: ReportValue) -> String {
        switch value {
        case .null: return "null"
        case .text(let text): return TextEscaping.json(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .date(let date): return TextEscaping.json(time.iso(date))
        case .number(let number): return number.isFinite ? Self.plain(number) : "null"
        case .records(let keys, let rows, _):
            let objects = rows.map { row in
                "{" + zip(keys, row).map { "\(TextEscaping.json($0)): \(json($1))" }.joined(separator: ", ") + "}"
            }
            return "[" + objects.joined(separator: ", ") + "]"
        }
    }

    /// A percentage with at most one decimal: `88%`, `33.3%`.
    static func percent(_ number: Double) -> String {
        guard number.isFinite else { return "–" }
        let tenths = (number * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return "\(Int(tenths / 10))%" }
        return String(format: "%.1f%%", tenths / 10)
    }

    /// A number rounded to four decimals, without trailing zeros: `88`, `0.6667`, `-0.5`.
    static func plain(_ number: Double) -> String {
        guard number.isFinite else { return "" }
        let rounded = (number * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.4f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
