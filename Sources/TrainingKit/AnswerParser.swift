/// Turns what a learner typed into an `Answer`, or a short hint on how to type it.
public enum AnswerParser {
    /// Parses input for a planned question; the error string is a hint to show before asking again.
    public static func parse(_ input: String, for planned: PlannedQuestion) -> Result<Answer, InputHint> {
        let text = input.trimmingWhitespace()
        let count = planned.displayOrder.count
        switch planned.question.kind {
        case .single:
            guard let position = position(of: text, count: count) else {
                return .failure(InputHint("Type one letter from \(range(count)), or a number from 1 to \(count)."))
            }
            return .success(.choice(planned.displayOrder[position]))
        case .multiple:
            guard let positions = positions(in: text, count: count), !positions.isEmpty else {
                return .failure(InputHint("Type every letter that applies, separated by spaces (for example: a c)."))
            }
            return .success(.choices(Set(positions.map { planned.displayOrder[$0] })))
        case .trueFalse:
            switch text.lowercased() {
            case "t", "true", "y", "yes": return .success(.bool(true))
            case "f", "false", "n", "no": return .success(.bool(false))
            default: return .failure(InputHint("Type t for true or f for false."))
            }
        case .order:
            guard let positions = positions(in: text, count: count), positions.count == count,
                Set(positions).count == count
            else {
                return .failure(
                    InputHint("Type all \(count) letters once each, in the right order (for example: \(exampleOrder(count)))."))
            }
            return .success(.order(positions.map { planned.displayOrder[$0] }))
        case .matching(let pairs):
            return parseMatching(text, pairs: pairs.count, planned: planned)
        case .short:
            guard !text.isEmpty else { return .failure(InputHint("Type a short answer, or :skip.")) }
            return .success(.text(text))
        case .reflection:
            guard !text.isEmpty else { return .failure(InputHint("Type a few words, or :skip to move on.")) }
            return .success(.text(text))
        }
    }

    private static func parseMatching(_ text: String, pairs: Int, planned: PlannedQuestion) -> Result<Answer, InputHint> {
        let hint = InputHint(
            "Match each number to a letter, all \(pairs) once each (for example: \((1...pairs).map { "\($0)\(PlannedQuestion.label(($0) % pairs))" }.joined(separator: " "))).")
        let tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" })
        guard tokens.count == pairs else { return .failure(hint) }
        var result = [Int](repeating: -1, count: pairs)
        var usedRights = Set<Int>()
        for token in tokens {
            let digits = token.prefix(while: { $0.isASCII && $0.isNumber })
            let rest = token.dropFirst(digits.count).drop(while: { $0 == "-" || $0 == "=" || $0 == ":" })
            guard let left = Int(digits), (1...pairs).contains(left), result[left - 1] == -1,
                let right = position(of: String(rest), count: pairs, lettersOnly: true), usedRights.insert(right).inserted
            else { return .failure(hint) }
            result[left - 1] = planned.displayOrder[right]
        }
        return .success(.matching(result))
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
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
