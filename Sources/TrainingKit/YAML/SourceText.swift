/// The bytes of a source file with line lookups, for locating offsets and showing snippets.
///
/// Line breaks are `\n`, `\r\n` or a lone `\r`, as in YAML. A leading UTF-8 byte-order mark is
/// dropped, so it never shifts a column.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offsets at which each line starts.
    private let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        self.bytes = bytes
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
    }

    public init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line without its line break, decoded leniently; nil past the end.
    public func line(_ number: Int) -> String? {
        guard let range = byteRange(ofLine: number) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The byte range of a 1-based line without its line break.
    public func byteRange(ofLine number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The line and character column of a byte offset.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = min(max(0, offset), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        // A continuation byte at the offset itself belongs to the character already counted.
        if clamped < bytes.count, bytes[clamped] & 0xC0 == 0x80, column > 1 { column -= 1 }
        return SourceLocation(line: low + 1, column: column)
    }

    /// The first place at or after `from` where `needle` occurs, searching lines `from.line...lastLine`.
    public func find(_ needle: String, from: SourceLocation, throughLine lastLine: Int) -> SourceLocation? {
        let target = Array(needle.utf8)
        guard let first = target.first else { return nil }
        var number = max(1, from.line)
        while number <= min(lastLine, lineCount) {
            if let range = byteRange(ofLine: number) {
                var column = 1
                var index = range.lowerBound
                let minimumColumn = number == from.line ? from.column : 1
                while index + target.count <= range.upperBound {
                    if column >= minimumColumn, bytes[index] == first, bytes[index..<(index + target.count)].elementsEqual(target) {
                        return SourceLocation(line: number, column: column)
                    }
                    index += 1
                    if index < bytes.count, bytes[index] & 0xC0 != 0x80 { column += 1 }
                }
            }
            number += 1
        }
        return nil
    }
}
