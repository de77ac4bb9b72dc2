import Foundation

/// A value bound to a statement or read from a row, in the terms both backends share.
///
/// Each driver maps these to its own types once: SQLite keeps dates as `StoredDate` text, UUIDs as
/// lowercase text and booleans as 0/1; PostgreSQL uses TIMESTAMPTZ, UUID and BOOLEAN.
enum SQLValue: Sendable, Equatable {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)
    case bool(Bool)
    case date(Date)
    case uuid(UUID)
}

extension SQLValue: SQLBindable {
    var sqlValue: SQLValue { self }
}

/// A Swift value that can be bound to a statement parameter.
protocol SQLBindable: Sendable {
    var sqlValue: SQLValue { get }
}

/// A Swift value that can be read from a column: nil when the stored value is not one.
protocol SQLReadable {
    static func read(_ value: SQLValue) -> Self?
}

extension String: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .text(self) }
    static func read(_ value: SQLValue) -> String? {
        if case .uuid(let id) = value { return StoredID.text(id) }
        if case .text(let text) = value { return text } else { return nil }
    }
}

extension Int64: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .integer(self) }
    static func read(_ value: SQLValue) -> Int64? { if case .integer(let number) = value { number } else { nil } }
}

extension Int: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    static func read(_ value: SQLValue) -> Int? { Int64.read(value).flatMap { Int(exactly: $0) } }
}

/// Stored as the signed integer with the same bits, so seeds above `Int64.max` round-trip.
extension UInt64: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .integer(Int64(bitPattern: self)) }
    static func read(_ value: SQLValue) -> UInt64? { Int64.read(value).map { UInt64(bitPattern: $0) } }
}

extension Double: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .real(self) }
    static func read(_ value: SQLValue) -> Double? {
        if case .real(let number) = value { return number }
        return Int64.read(value).map(Double.init)
    }
}

/// PostgreSQL's BOOLEAN, SQLite's 0 or 1.
extension Bool: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .bool(self) }
    static func read(_ value: SQLValue) -> Bool? {
        if case .bool(let flag) = value { return flag }
        return Int64.read(value).flatMap { $0 == 0 || $0 == 1 ? $0 == 1 : nil }
    }
}

/// PostgreSQL's TIMESTAMPTZ, SQLite's `StoredDate` text; either way to the millisecond.
extension Date: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .date(self) }
    static func read(_ value: SQLValue) -> Date? {
        if case .date(let date) = value { return StoredDate.rounded(date) }
        return String.read(value).flatMap(StoredDate.date)
    }
}

/// PostgreSQL's UUID, SQLite's lowercase text.
extension UUID: SQLBindable, SQLReadable {
    var sqlValue: SQLValue { .uuid(self) }
    static func read(_ value: SQLValue) -> UUID? {
        if case .uuid(let id) = value { return id }
        return String.read(value).flatMap(StoredID.uuid)
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension Optional: SQLReadable where Wrapped: SQLReadable {
    static func read(_ value: SQLValue) -> Wrapped?? { value == .null ? .some(nil) : Wrapped.read(value).map { .some($0) } }
}

/// The text form of an id in the SQLite store and in every message: lowercase UUID text.
enum StoredID {
    static func text(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// The UUID in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` text (either case), read byte by byte:
    /// Foundation's `UUID(uuidString:)` goes through `sscanf`, 8% of a report over a million attempts.
    static func uuid(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { bytes -> UUID? in
            guard bytes.count == 36 else { return nil }
            var value: [UInt8] = []
            value.reserveCapacity(16)
            var index = 0
            while index < 36 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard bytes[index] == 0x2D else { return nil }
                    index += 1
                    continue
                }
                guard let high = hex(bytes[index]), let low = hex(bytes[index + 1]) else { return nil }
                value.append(high << 4 | low)
                index += 2
            }
            return UUID(
                uuid: (
                    value[0], value[1], value[2], value[3], value[4], value[5], value[6], value[7],
                    value[8], value[9], value[10], value[11], value[12], value[13], value[14], value[15]
                ))
        }
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        case 0x41...0x46: byte - 0x41 + 10
        default: nil
        }
    }
}

/// One row of a result, its values in column order.
struct SQLRow: Sendable {
    /// Column name → index, shared by every row of one result.
    let columns: [String: Int]
    let values: [SQLValue]

    /// The column's value as `T`; throws `MalformedValue` when it is missing or not a `T`.
    subscript<T: SQLReadable>(_ column: String) -> T {
        get throws {
            guard let index = columns[column] else { throw MalformedValue(what: "row without a \(column) column") }
            guard let value = T.read(values[index]) else {
                throw MalformedValue(what: "\(column) value \(values[index])")
            }
            return value
        }
    }

    /// Column name → index for names in order.
    static func index(_ names: [String]) -> [String: Int] {
        Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A stored value this program cannot read back; the store turns it into `StoreError.corrupt`.
struct MalformedValue: Error {
    var what: String
}
