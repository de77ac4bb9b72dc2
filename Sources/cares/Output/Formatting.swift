import Foundation

/// Dates, points and percentages the way cares shows them.
enum Formatting {
    /// `2026-11-29` in local time.
    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// `2026-11-29 14:05 (+00:00)` in local time with the offset.
    static func moment(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm '('xxx')'"
        return formatter.string(from: date)
    }

    /// `7`, `1.5` or `0.67`: points without trailing zeros.
    static func points(_ value: Double) -> String {
        if value.rounded() == value { return String(Int(value)) }
        let text = String(format: "%.2f", value)
        return text.hasSuffix("0") ? String(text.dropLast()) : text
    }

    /// A percentage rounded to a whole number: `88%`.
    static func percent(_ value: Double) -> String {
        "\(Int(value.rounded()))%"
    }
}
