import Foundation
import TrainingKit

/// The store's text form of a date: UTC `YYYY-MM-DD HH:MM:SS.SSS`, rounded to the millisecond.
///
/// This is the format GRDB uses by default, but computed from whole milliseconds rather than
/// through `DateFormatter` and `Calendar`, so a date always comes back to the same millisecond
/// (a formatter truncates, and `0.123` held as `0.12299999…` would come back as `.122`).
/// The text sorts in time order, so `ORDER BY` on these columns is chronological.
enum StoredDate {
    private static let millisecondsPerDay: Int64 = 86_400_000
    /// 0000-01-01 00:00:00.000 and 9999-12-31 23:59:59.999, the range four year digits can hold.
    private static let earliest: Int64 = -62_167_219_200_000
    private static let latest: Int64 = 253_402_300_799_999

    /// `date` rounded to the millisecond, the precision every backend keeps.
    static func rounded(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// The text for `date`, clamped to years 0000–9999.
    static func text(_ date: Date) -> String {
        let raw = (date.timeIntervalSince1970 * 1000).rounded()
        let milliseconds: Int64
        if raw.isNaN {
            milliseconds = 0
        } else if raw <= Double(earliest) {
            milliseconds = earliest
        } else if raw >= Double(latest) {
            milliseconds = latest
        } else {
            milliseconds = Int64(raw)
        }
        let days = CivilDate.floorDivide(milliseconds, millisecondsPerDay)
        let ofDay = milliseconds - days * millisecondsPerDay
        let (year, month, day) = CivilDate.date(fromDays: days)
        let hour = ofDay / 3_600_000
        let minute = ofDay / 60_000 % 60
        let second = ofDay / 1000 % 60
        let millisecond = ofDay % 1000
        let pad = CivilDate.pad
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) "
            + "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))"
    }

    /// The date for stored text; accepts `T` for the space, and no or more fraction digits.
    /// Returns nil for anything else.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for index in start..<(start + count) {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var millisecond: Int64 = 0
        if bytes.count > 19 {
            guard bytes[19] == UInt8(ascii: "."), bytes.count > 20 else { return nil }
            let digits = bytes.count - 20
            guard let fraction = number(20, min(digits, 3)) else { return nil }
            if digits > 3 { guard number(23, digits - 3) != nil else { return nil } }
            millisecond = fraction * [100, 10, 1][min(digits, 3) - 1]
        }
        let days = CivilDate.days(year: year, month: month, day: day)
        let total = days * millisecondsPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }
}
