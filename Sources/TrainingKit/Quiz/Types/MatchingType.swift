import Foundation

/// `matching`: left/right pairs, right-hand sides always shown shuffled; right pairs ÷ pairs × points.
struct MatchingType: QuestionType {
    var pairs: [MatchPair]

    static let name = "matching"
    static let schemaSummary = "matching"
    static let inputHelp = (key: "pairs", text: "each number with a letter, e.g. 1b 2a 3c")
    static let giftImportRank: Int? = 1
    static let minimumPairs = 2
    static let fields = [QuestionField.list("pairs", minItems: minimumPairs, items: ModuleSchema.ref("pair"))]
    static var schemaDefinitions: [(String, JSONValue)] {
        [("pair", ModuleSchema.closedObject(required: ["left", "right"], [
            ("left", ModuleSchema.ref("text")), ("right", ModuleSchema.ref("text")),
        ]))]
    }
    static let scaffold = """
        - id: roles
          type: matching               # right-hand sides always shown shuffled
          objective: interpreters
          prompt: Match each person to their role.
          pairs:
            - {left: Interpreter, right: "Interpret everything, add nothing"}
            - {left: Clinician, right: Ask questions and explain confidentiality}
          explanation: Clear roles keep the patient safe.
        """

    var kind: QuestionKind { .matching(pairs) }

    static func decode(_ context: QuestionDecoding) -> QuestionKind? {
        guard let node = context.map.required("pairs"), let items = context.decoder.list(node, field: "pairs") else { return nil }
        let pairs = items.compactMap { item -> MatchPair? in
            guard let map = context.decoder.mapping(item, what: "a pair") else { return nil }
            map.rejectUnknownKeys(allowed: ["left", "right"])
            guard let left = map.requiredText("left"), let right = map.requiredText("right") else { return nil }
            return MatchPair(left: left, right: right)
        }
        guard pairs.count == items.count else { return nil }
        context.checkAtLeast(minimumPairs, count: pairs.count, what: "pairs", node: node)
        context.checkDistinct(pairs.map(\.left), node: node, what: "left side")
        context.checkDistinct(pairs.map(\.right), node: node, what: "right side")
        return .matching(pairs)
    }

    func fillingPlaceholders(_ fill: (String) -> String) -> QuestionKind {
        .matching(pairs.map { MatchPair(left: fill($0.left), right: fill($0.right)) })
    }

    func writeYAML(into lines: inout YAMLLines, indent: Int) {
        lines.append("pairs:", indent: indent)
        for pair in pairs {
            lines.append("- left: " + JSONValue.quoted(pair.left), indent: indent + 2)
            lines.text("right", pair.right, indent: indent + 4)
        }
    }

    func displayOrder(shuffle: Bool, random: inout SeededGenerator) -> [Int] {
        random.derangedPermutation(pairs.count)
    }

    func parse(_ text: String, displayOrder: [Int]) -> Result<Answer, InputHint> {
        let count = pairs.count
        let hint = InputHint(
            "Match each number to a letter, all \(count) once each (for example: \((1...max(1, count)).map { "\($0)\(PlannedQuestion.label(($0) % max(1, count)))" }.joined(separator: " "))).")
        let tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" })
        guard tokens.count == count else { return .failure(hint) }
        var result = [Int](repeating: -1, count: count)
        var usedRights = Set<Int>()
        for token in tokens {
            let digits = token.prefix(while: { $0.isASCII && $0.isNumber })
            let rest = token.dropFirst(digits.count).drop(while: { $0 == "-" || $0 == "=" || $0 == ":" })
            guard let left = Int(digits), (1...count).contains(left), result[left - 1] == -1,
                let right = AnswerParser.position(of: String(rest), count: count, lettersOnly: true),
                displayOrder.indices.contains(right), usedRights.insert(right).inserted
            else { return .failure(hint) }
            result[left - 1] = displayOrder[right]
        }
        return .success(.matching(result))
    }

    func mark(_ answer: Answer, points: Double) -> Mark? {
        guard case .matching(let given) = answer else { return nil }
        let right = given.enumerated().filter { $0.offset == $0.element }.count
        let fraction = pairs.isEmpty ? 0 : Double(right) / Double(pairs.count)
        let canonical = given.enumerated().map { "\(Choice.positionalID($0.offset))=\(Choice.positionalID($0.element))" }
        return Mark(points: points * fraction, maxPoints: points, isCorrect: fraction == 1,
            canonicalAnswer: canonical.joined(separator: ","))
    }

    func answer(fromStored stored: String) -> Answer? {
        var rights: [Int] = []
        for pair in stored.split(separator: ",") {
            let sides = pair.split(separator: "=")
            guard sides.count == 2, let right = Self.positions(ofStored: String(sides[1]), count: pairs.count)?.first
            else { return nil }
            rights.append(right)
        }
        return rights.count == pairs.count ? .matching(rights) : nil
    }

    func feedbackLines(for answer: Answer, fullyRight: Bool, displayOrder: [Int]) -> [FeedbackLine] {
        fullyRight ? [] : [FeedbackLine(.rightAnswer, pairs.map { "- \($0.left) → \($0.right)" }.joined(separator: "\n"))]
    }

    func screenLines(displayOrder: [Int]) -> [QuestionScreenLine] {
        pairs.enumerated().map { QuestionScreenLine.option("\($0.offset + 1). \($0.element.left)") } + [.blank]
            + Self.letteredLines(pairs.map(\.right), displayOrder: displayOrder)
            + [.instruction("Match each number to a letter, for example: 1b 2a.")]
    }

    func inputPrompt(displayOrder: [Int]) -> String { "Your matches (like 1b 2a, ? for help):" }

    var previewDetails: [QuestionDetail] {
        [.labelled("Pairs", "(right-hand sides shown shuffled)"),
         .answers(pairs.enumerated().map {
             QuestionDetail.Option(label: String($0.offset + 1), text: "\($0.element.left) → \($0.element.right)")
         })]
    }

    func giftAnswers(feedback: inout Feedback?, warn: (String) -> Void) -> [String]? {
        pairs.map { "=" + GIFTText.exported($0.left) + " -> " + GIFTText.exported($0.right) }
    }

    /// `{=left -> right …}`: every answer a `=` answer and at least one with an arrow.
    static func importGIFT(_ block: GIFTAnswerBlock, warn: (String) -> Void) -> GIFTImportedKind? {
        let answers = block.answers
        guard !answers.isEmpty, block.allFullMarks, answers.contains(where: { $0.text.contains("->") }) else { return nil }
        var pairs: [MatchPair] = []
        for answer in answers {
            let parts = answer.text.components(separatedBy: "->")
            let left = parts[0].trimmingCharacters(in: .whitespaces)
            let right = parts.dropFirst().joined(separator: "->").trimmingCharacters(in: .whitespaces)
            if left.isEmpty || right.isEmpty || parts.count < 2 {
                warn("the matching answer '\(answer.text)' has an empty side; left out")
                continue
            }
            pairs.append(MatchPair(left: left, right: right))
        }
        if answers.contains(where: { $0.feedback != nil }) {
            warn("feedback on matching pairs is not carried")
        }
        return GIFTImportedKind(kind: .matching(pairs))
    }
}

extension MatchingType {
    var analysedOptions: [AnalysedOption] { [] }
    /// The expected share of pairs right under a random matching: 1 ÷ pairs.
    var randomGuessScore: Double? { pairs.isEmpty ? nil : 1 / Double(pairs.count) }
}
