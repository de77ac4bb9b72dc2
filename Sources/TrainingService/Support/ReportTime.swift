import Foundation
import TrainingKit

/// Dates in reports: ISO 8601 with the offset for files, local date and time for tables.
public struct ReportTime: Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = .current) {
        self.timeZone = timeZone
    }

    private func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = format
        return formatter
    }

    /// `2026-11-29T14:05:09+01:00`
    public func iso(_ date: Date) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let (day, time) = Self.civil(date, offset: offset)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(day)T\(time)\(sign)\(CivilDate.pad(Int64(minutes / 60), 2)):\(CivilDate.pad(Int64(minutes % 60), 2))"
    }

    /// `2026-11-29 14:05`
    public func moment(_ date: Date) -> String {
        let (day, time) = Self.civil(date, offset: timeZone.secondsFromGMT(for: date))
        return "\(day) \(time.prefix(5))"
    }

    /// `2026-11-29`
    public func day(_ date: Date) -> String {
        Self.civil(date, offset: timeZone.secondsFromGMT(for: date)).day
    }

    /// The local date `YYYY-MM-DD` and time `HH:MM:SS` of a date at a UTC offset, computed directly:
    /// reports format a date per cell, and a `DateFormatter` per call dominated their run time.
    static func civil(_ date: Date, offset: Int) -> (day: String, time: String) {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down)) + Int64(offset)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let ofDay = seconds - days * 86_400
        let (year, month, day) = CivilDate.date(fromDays: days)
        let pad = CivilDate.pad
        return ("\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))", "\(pad(ofDay / 3600, 2)):\(pad(ofDay / 60 % 60, 2)):\(pad(ofDay % 60, 2))")
    }

    /// `29 November 2026`, for certificates.
    public func longDay(_ date: Date) -> String { formatter("d MMMM yyyy").string(from: date) }

    /// Reads `2026-11-29` (local midnight; with `endOfDay`, the next midnight) or a full ISO 8601 time.
    public func parse(_ text: String, endOfDay: Bool = false) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 10, let day = formatter("yyyy-MM-dd").date(from: trimmed) {
            guard endOfDay else { return day }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            return calendar.date(byAdding: .day, value: 1, to: day)
        }
        for format in ["yyyy-MM-dd'T'HH:mm:ssxxx", "yyyy-MM-dd'T'HH:mm:ss.SSSxxx", "yyyy-MM-dd'T'HH:mmxxx", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"] {
            if let date = formatter(format).date(from: trimmed) { return date }
        }
        return nil
    }
}
