/// Reads RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks; CRLF, LF or CR
/// line ends; a UTF-8 byte order mark is skipped. Each record keeps the line it starts on.
public struct CSVReader {
    public struct Record: Hashable, Sendable {
        public var line: Int
        public var fields: [String]
    }

    public struct Failure: Error, Hashable, Sendable {
        public var line: Int
        public var message: String
    }

    /// The records, or the first syntax error with its line.
    public static func records(_ text: String) -> Result<[Record], Failure> {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var index = 0
        var quoted = false
        var fieldWasQuoted = false
        var quoteLine = 1

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }

        while index < scalars.count {
            let c = scalars[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 2
                        continue
                    }
                    quoted = false
                    index += 1
                    if index < scalars.count, !["," as Unicode.Scalar, "\n", "\r"].contains(scalars[index]) {
                        return .failure(Failure(line: line, message: "a closing quote must be followed by a comma or the end of the line"))
                    }
                    continue
                }
                if c == "\n" || (c == "\r" && !(index + 1 < scalars.count && scalars[index + 1] == "\n")) { line += 1 }
                field.append(c)
                index += 1
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else {
                    return .failure(Failure(line: line, message: "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")"))
                }
                quoted = true
                fieldWasQuoted = true
                quoteLine = line
            case ",":
                endField()
            case "\r", "\n":
                if c == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
            }
            index += 1
        }
        if quoted { return .failure(Failure(line: quoteLine, message: "a quoted field is never closed")) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return .success(records)
    }
}
