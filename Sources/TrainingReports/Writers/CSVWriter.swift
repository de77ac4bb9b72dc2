import Foundation
import TrainingKit
import TrainingService

/// RFC 4180 CSV: a UTF-8 byte order mark (so Excel reads UTF-8), a header row, CRLF line ends,
/// ISO 8601 times with offset, and text cells neutralised against formula injection.
/// Only the report's first section that is not a one-row record is written.
///
/// Rows are built as UTF-8 bytes in one reusable buffer: plain text cells (the usual case) are
/// copied as they are, dates and whole numbers are written digit by digit, and only a cell that
/// needs quoting, neutralising or cleaning goes through `TextEscaping.csv`.
public final class CSVWriter: ReportWriter {
    private let output: ReportOutput
    private let values: ValueFormatter
    private var columns: [ReportColumn]?
    private var sectionIndex = 0
    private var line: [UInt8] = []

    public init(output: ReportOutput, time: ReportTime) {
        self.output = output
        self.values = ValueFormatter(time: time)
        line.reserveCapacity(1024)
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
        line.removeAll(keepingCapacity: true)
        for (index, value) in row.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            append(value)
        }
        line.append(UInt8(ascii: "\r"))
        line.append(UInt8(ascii: "\n"))
        try output.write(bytes: line)
    }

    public func endSection() throws {}

    public func finish(_ summary: ReportSummary) throws {
        try output.flush()
    }

    // MARK: Cells as bytes

    private func append(_ value: ReportValue) {
        switch value {
        case .null: return
        case .text(let text): appendText(text, neutralise: true)
        case .bool(let flag): line.append(contentsOf: flag ? Self.trueBytes : Self.falseBytes)
        case .date(let date): appendISO(date)
        case .number(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                appendInteger(Int64(number), width: 1)
            } else {
                appendText(values.file(value), neutralise: false)
            }
        case .records: appendText(values.file(value), neutralise: false)
        }
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    /// The cell as it is when it needs no quotes or cleaning; else through `TextEscaping.csv`.
    private func appendText(_ text: String, neutralise: Bool) {
        let copied =
            text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                // Controls, quote, comma, DEL, and 0xC2 (the lead byte of U+0080–U+00BF, which holds the C1 controls).
                for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x2C || byte == 0x7F || byte == 0xC2 {
                    return false
                }
                if neutralise, let first = bytes.first,
                    first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
                {
                    line.append(UInt8(ascii: "'"))
                }
                line.append(contentsOf: bytes)
                return true
            } ?? false
        if !copied { line.append(contentsOf: TextEscaping.csv(text, neutralise: neutralise).utf8) }
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` in the report's time zone, as `ReportTime.iso` writes it.
    private func appendISO(_ date: Date) {
        let offset = values.time.timeZone.secondsFromGMT(for: date)
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(offset)
        let days = CivilDate.floorDivide(seconds, 86_400)
        let ofDay = seconds - days * 86_400
        let (year, month, day) = CivilDate.date(fromDays: days)
        appendInteger(year, width: 4)
        line.append(UInt8(ascii: "-"))
        appendInteger(month, width: 2)
        line.append(UInt8(ascii: "-"))
        appendInteger(day, width: 2)
        line.append(UInt8(ascii: "T"))
        appendInteger(ofDay / 3600, width: 2)
        line.append(UInt8(ascii: ":"))
        appendInteger(ofDay / 60 % 60, width: 2)
        line.append(UInt8(ascii: ":"))
        appendInteger(ofDay % 60, width: 2)
        line.append(UInt8(ascii: offset < 0 ? "-" : "+"))
        let minutes = Int64(abs(offset) / 60)
        appendInteger(minutes / 60, width: 2)
        line.append(UInt8(ascii: ":"))
        appendInteger(minutes % 60, width: 2)
    }

    /// Decimal digits of `value`, zero-padded to at least `width` (a minus sign first when negative).
    private func appendInteger(_ value: Int64, width: Int) {
        if value < 0 { line.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            while count < width, count < buffer.count {
                buffer[count] = UInt8(ascii: "0")
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { line.append(buffer[index]) }
        }
    }
}
