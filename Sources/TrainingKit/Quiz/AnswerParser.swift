/// Turns what a learner typed into an `Answer`, or a short hint on how to type it.
public enum AnswerParser {
    /// Parses input for a planned question; the error string is a hint to show before asking again.
    public static func parse(_ input: String, for planned: PlannedQuestion) -> Result<Answer, InputHint> {
        parse(input, as: planned.question.kind.unit, displayOrder: planned.displayOrder)
    }

    /// `parse(_:for:)` for a question type already in hand, shown in `displayOrder`.
    static func parse(_ input: String, as unit: any QuestionType, displayOrder: [Int]) -> Result<Answer, InputHint> {
        unit.parse(input.trimmingWhitespace(), displayOrder: displayOrder)
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
        if let numbers = numberPositions(in: text, count: count) { return numbers }
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

    /// `positions(in:count:)` for input of digits and separators only ("2", "1 3 4"), read from its
    /// bytes; `.some(nil)` when a number is out of range, nil when the general path must decide.
    private static func numberPositions(in text: String, count: Int) -> [Int]?? {
        var result: [Int] = []
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            if byte >= 0x30, byte <= 0x39 {
                // Long numbers (which `Int` may not hold) go the general way.
                guard digits < 9 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else if byte == 0x20 || byte == 0x2C || byte == 0x3B {
                if digits > 0 {
                    guard (1...max(1, count)).contains(value) else { return .some(nil) }
                    result.append(value - 1)
                }
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        if digits > 0 {
            guard (1...max(1, count)).contains(value) else { return .some(nil) }
            result.append(value - 1)
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
