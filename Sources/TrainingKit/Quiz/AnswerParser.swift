/// Turns what a learner typed into an `Answer`, or a short hint on how to type it.
public enum AnswerParser {
    /// Parses input for a planned question; the error string is a hint to show before asking again.
    public static func parse(_ input: String, for planned: PlannedQuestion) -> Result<Answer, InputHint> {
        planned.question.kind.unit.parse(input.trimmingWhitespace(), displayOrder: planned.displayOrder)
    }

    /// A display position from a letter or a 1-based number.
    static func position(of text: String, count: Int, lettersOnly: Bool = false) -> Int? {
        var token = text.lowercased()
        if token.hasSuffix(")") || token.hasSuffix(".") { token.removeLast() }
        if !lettersOnly, let number = Int(token), (1...max(1, count)).contains(number) { return number - 1 }
        for position in 0..<count where PlannedQuestion.label(position) == token { return position }
        return nil
    }

    /// Display positions from "a c", "a, c", "1 3" or "ac"; nil if any token is not valid.
    static func positions(in text: String, count: Int) -> [Int]? {
        let tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
        if tokens.count == 1, let only = tokens.first, only.count > 1, count <= 26, Int(only) == nil {
            return positions(in: only.map(String.init).joined(separator: " "), count: count)
        }
        var result: [Int] = []
        for token in tokens {
            guard let position = position(of: token, count: count) else { return nil }
            result.append(position)
        }
        return result
    }

    static func range(_ count: Int) -> String {
        count <= 1 ? "a" : "a–\(PlannedQuestion.label(count - 1))"
    }

    static func exampleOrder(_ count: Int) -> String {
        (0..<count).reversed().map(PlannedQuestion.label).joined(separator: " ")
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        // Nothing to trim when both ends are printable ASCII (most input): no Character work.
        if let first = utf8.first, let last = utf8.last, Self.isPlainASCII(first), Self.isPlainASCII(last) { return self }
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }

    /// An ASCII byte that is not whitespace (space, tab, line feed, vertical tab, form feed, return).
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }
}
