/// Reads RFC 4180 CSV one record at a time: quoted fields with commas, doubled quotes and line
/// breaks; CRLF, LF or CR line ends; a UTF-8 byte order mark is skipped. Each record keeps the line
/// it starts on.
///
/// Bytes come from a `ByteSource` in chunks (a file is read 64 KiB at a time), so memory stays flat
/// whatever the file's length; one record may be at most `maxRecordBytes` long.
public struct CSVReader {
    public struct Record: Hashable, Sendable {
        public var line: Int
        public var fields: [String]
        /// True when every field is printable ASCII (no control character, nothing beyond U+007E):
        /// the common case, which needs no per-character checks.
        public var isPrintableASCII: Bool
    }

    public struct Failure: Error, Hashable, Sendable {
        public var line: Int
        public var message: String
    }

    /// The longest record read, in bytes; a longer one is a failure rather than a memory hog.
    public static let maxRecordBytes = 16 << 20

    private var source: any ByteSource
    private var buffer: [UInt8] = []
    private var index = 0
    private var atEnd = false
    private var line = 1
    private var started = false

    public init(source: any ByteSource) {
        self.source = source
    }

    /// A reader over text already in memory.
    public init(text: String) {
        self.init(source: BytesInMemory(Array(text.utf8)))
    }

    /// The records, or the first syntax error with its line.
    public static func records(_ text: String) -> Result<[Record], Failure> {
        var reader = CSVReader(text: text)
        var records: [Record] = []
        do {
            while let record = try reader.next() { records.append(record) }
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(line: 0, message: "\(error)"))
        }
        return .success(records)
    }

    /// The next byte, reading another chunk when the buffer is used up; nil at the end.
    private mutating func peek() throws -> UInt8? {
        if index < buffer.count { return buffer[index] }
        guard !atEnd else { return nil }
        buffer = try source.nextChunk()
        index = 0
        if buffer.isEmpty {
            atEnd = true
            return nil
        }
        return buffer[0]
    }

    /// The next record, nil at the end of the input; throws `Failure` for a syntax error, and
    /// whatever the source throws.
    public mutating func next() throws -> Record? {
        if !started {
            started = true
            if try peek() == 0xEF, buffer.count - index >= 3, buffer[index + 1] == 0xBB, buffer[index + 2] == 0xBF { index += 3 }
        }
        while true {
            guard try peek() != nil else { return nil }
            let recordLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var fieldWasQuoted = false
            var quoteLine = line
            var size = 0
            var printable = true

            func endField() throws {
                // ASCII (the common case) needs no validation.
                if field.allSatisfy({ $0 < 0x80 }) {
                    if printable, !field.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { printable = false }
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    fieldWasQuoted = false
                    return
                }
                printable = false
                guard let text = String(validating: field, as: UTF8.self) else {
                    throw Failure(line: line, message: "this line is not UTF-8 text; save the file as \"CSV UTF-8\" and import it again")
                }
                fields.append(text)
                field.removeAll(keepingCapacity: true)
                fieldWasQuoted = false
            }

            recordLoop: while true {
                if !quoted, index < buffer.count {
                    // Fast path: the run of plain bytes up to the next comma, quote or line end in this chunk, copied at once.
                    let start = index
                    let end = buffer.withUnsafeBufferPointer { bytes in
                        var end = start
                        while end < bytes.count {
                            let byte = bytes[end]
                            if byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { break }
                            end += 1
                        }
                        return end
                    }
                    if end > start {
                        field.append(contentsOf: buffer[start..<end])
                        index = end
                        size += end - start
                        if size > Self.maxRecordBytes {
                            throw Failure(line: recordLine, message: "this record is longer than \(Self.maxRecordBytes >> 20) MiB")
                        }
                        continue
                    }
                }
                guard let byte = try peek() else {
                    if quoted { throw Failure(line: quoteLine, message: "a quoted field is never closed") }
                    try endField()
                    break recordLoop
                }
                index += 1
                size += 1
                if size > Self.maxRecordBytes {
                    throw Failure(line: recordLine, message: "this record is longer than \(Self.maxRecordBytes >> 20) MiB")
                }
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if try peek() == UInt8(ascii: "\"") {
                            index += 1
                            field.append(byte)
                            continue
                        }
                        quoted = false
                        if let after = try peek(), after != UInt8(ascii: ","), after != UInt8(ascii: "\n"), after != UInt8(ascii: "\r") {
                            throw Failure(line: line, message: "a closing quote must be followed by a comma or the end of the line")
                        }
                        continue
                    }
                    if byte == UInt8(ascii: "\n") {
                        line += 1
                    } else if byte == UInt8(ascii: "\r"), try peek() != UInt8(ascii: "\n") {
                        line += 1
                    }
                    field.append(byte)
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    guard field.isEmpty, !fieldWasQuoted else {
                        throw Failure(
                            line: line,
                            message: "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")")
                    }
                    quoted = true
                    fieldWasQuoted = true
                    quoteLine = line
                case UInt8(ascii: ","):
                    try endField()
                case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    if byte == UInt8(ascii: "\r"), try peek() == UInt8(ascii: "\n") { index += 1 }
                    try endField()
                    line += 1
                    break recordLoop
                default:
                    field.append(byte)
                }
            }
            // A blank line is no record.
            if fields.count == 1, fields[0].isEmpty { continue }
            return Record(line: recordLine, fields: fields, isPrintableASCII: printable)
        }
    }
}
