internal import CYAML

/// Reads YAML bytes with libyaml into a located node tree, refusing what modules have no use for.
///
/// The reader never recurses, so deep nesting cannot overflow the stack; it stops at the first
/// anchor or alias, so alias bombs cost nothing; every problem becomes a located diagnostic.
struct YAMLReader {
    var limits: YAMLLimits

    init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Parses one YAML document; returns nil (with diagnostics in `bag`) when there is nothing usable.
    func read(_ source: SourceText, into bag: DiagnosticBag) -> YAMLNode? {
        let bytes = source.bytes
        guard bytes.count <= limits.maxFileBytes else {
            bag.error(
                "the file is \(bytes.count) bytes; the limit is \(limits.maxFileBytes) bytes",
                at: .start, hint: "split it into smaller modules")
            return nil
        }
        if let offset = Self.firstInvalidUTF8(in: bytes) {
            bag.error(
                "the file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                at: source.location(ofOffset: offset), hint: "save the file with UTF-8 encoding")
            return nil
        }
        checkTabs(source, into: bag)
        let root = parse(source, into: bag)
        if root == nil, !bag.hasErrors {
            bag.error("the file is empty", at: .start, hint: "a module needs at least an id, a title, lessons and a quiz")
        }
        return root
    }

    /// Reports tabs used for indentation, which YAML forbids.
    private func checkTabs(_ source: SourceText, into bag: DiagnosticBag) {
        for number in 1...source.lineCount {
            guard let range = source.byteRange(ofLine: number) else { continue }
            var column = 1
            for index in range {
                let byte = source.bytes[index]
                if byte == 0x09 {
                    bag.error(
                        "a tab is used for indentation", at: SourceLocation(line: number, column: column),
                        hint: "YAML indents with spaces only; replace the tab with spaces")
                    break
                }
                guard byte == 0x20 else { break }
                column += 1
            }
        }
    }

    private func parse(_ source: SourceText, into bag: DiagnosticBag) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            bag.error("the YAML parser could not start (out of memory)", at: .start)
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        return source.bytes.withUnsafeBufferPointer { buffer -> YAMLNode? in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = YAMLTreeBuilder(limits: limits, source: source, bag: bag)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    report(parserError: parser, source: source, into: bag)
                    return nil
                }
                let keepGoing = builder.handle(&event)
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if !keepGoing { return nil }
                if done { break }
            }
            return builder.root
        }
    }

    private func report(parserError parser: yaml_parser_t, source: SourceText, into bag: DiagnosticBag) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let location: SourceLocation
        if parser.error == YAML_READER_ERROR {
            location = source.location(ofOffset: parser.problem_offset)
        } else {
            location = SourceLocation(
                line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
        }
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }), parser.error != YAML_READER_ERROR {
            message += " (\(context) at line \(parser.context_mark.line + 1))"
        }
        if parser.error == YAML_READER_ERROR, parser.problem_value >= 0 {
            message = "the file contains a character YAML does not allow (code \(parser.problem_value))"
        }
        let lineText = source.line(location.line) ?? ""
        if bag.diagnostics.contains(where: { $0.location == location && $0.message.contains("tab") }) {
            return
        }
        bag.error(message, at: location, hint: Self.hint(problem: problem, line: lineText))
    }

    /// A suggestion for common syntax mistakes.
    static func hint(problem: String, line: String) -> String? {
        if line.contains(": {{") || line.contains("- {{") || line.contains(":{{") {
            return "a value that starts with '{{' must be quoted, e.g. \"{{site.safeguarding_lead}}\""
        }
        if problem.contains("mapping values are not allowed") {
            return "a value that contains ': ' must be quoted, or written as a '|' block"
        }
        if problem.contains("could not find expected ':'") {
            return "check that each key is followed by ':' and that multi-line text is indented or quoted"
        }
        if problem.contains("cannot start any token") {
            return "values starting with '@', '`' or '%' must be quoted"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "check the indentation of this line against the lines above it"
        }
        if problem.contains("control characters") {
            return "remove control characters (such as NUL) from the file"
        }
        return nil
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            minimum = 0
            index += length
        }
        return nil
    }
}
