import Foundation

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
    public func iso(_ date: Date) -> String { formatter("yyyy-MM-dd'T'HH:mm:ssxxx").string(from: date) }

    /// `2026-11-29 14:05`
    public func moment(_ date: Date) -> String { formatter("yyyy-MM-dd HH:mm").string(from: date) }

    /// `2026-11-29`
    public func day(_ date: Date) -> String { formatter("yyyy-MM-dd").string(from: date) }

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
