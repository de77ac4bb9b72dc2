/// `order`: items in the correct order, always shown shuffled; items in the right position ÷ items × points.
struct OrderType: QuestionType {
    var items: [String]

    static let name = "order"
    static let schemaSummary = "order"
    static let inputHelp = (key: "letters", text: "every letter once, first step first, e.g. c a b d")
    static let minimumItems = 2
    static let fields = [
        QuestionField.list(
            "items", minItems: minimumItems, items: ModuleSchema.ref("textItem"), unique: true,
            description: "The items in the correct order; always shown shuffled."),
    ]
    static let scaffold = """
        - id: first-steps
          type: order                  # items in the CORRECT order; always shown shuffled
          objective: private-space
          prompt: Put these steps in order.
          items: [State the routine policy, See the patient alone, Connect an interpreter, Ask open questions]
          explanation: Each step makes the next one safe.
        """

    var kind: QuestionKind { .order(items) }

    static func decode(_ context: QuestionDecoding) -> QuestionKind? {
        guard let node = context.map.required("items"), let items = context.decoder.textList(node, field: "items") else { return nil }
        context.checkAtLeast(minimumItems, count: items.count, what: "items", node: node)
        context.checkDistinct(items, node: node, what: "item")
        return .order(items)
    }

    func fillingPlaceholders(_ fill: (String) -> String) -> QuestionKind { .order(items.map(fill)) }

    func writeYAML(into lines: inout YAMLLines, indent: Int) {
        lines.list("items", items, indent: indent)
    }

    func displayOrder(shuffle: Bool, random: inout SeededGenerator) -> [Int] {
        random.derangedPermutation(items.count)
    }

    func parse(_ text: String, displayOrder: [Int]) -> Result<Answer, InputHint> {
        let count = displayOrder.count
        guard let positions = AnswerParser.positions(in: text, count: count), positions.count == count,
            Set(positions).count == count
        else {
            return .failure(
                InputHint("Type all \(count) letters once each, in the right order (for example: \(AnswerParser.exampleOrder(count)))."))
        }
        return .success(.order(positions.map { displayOrder[$0] }))
    }

    func mark(_ answer: Answer, points: Double) -> Mark? {
        guard case .order(let given) = answer else { return nil }
        let inPlace = given.enumerated().filter { $0.offset == $0.element }.count
        let fraction = items.isEmpty ? 0 : Double(inPlace) / Double(items.count)
        return Mark(points: points * fraction, maxPoints: points, isCorrect: fraction == 1,
            canonicalAnswer: given.map(Choice.positionalID).joined(separator: ","))
    }

    func answer(fromStored stored: String) -> Answer? {
        Self.positions(ofStored: stored, count: items.count).map(Answer.order)
    }

    func feedbackLines(for answer: Answer, fullyRight: Bool, displayOrder: [Int]) -> [FeedbackLine] {
        fullyRight ? [] : [FeedbackLine(.rightAnswer, items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))]
    }

    func screenLines(displayOrder: [Int]) -> [QuestionScreenLine] {
        Self.letteredLines(items, displayOrder: displayOrder) + [.instruction("Type the letters in the right order.")]
    }

    func inputPrompt(displayOrder: [Int]) -> String {
        "Your order (all letters a–\(PlannedQuestion.label(max(0, displayOrder.count - 1))), ? for help):"
    }

    var previewDetails: [QuestionDetail] {
        [.labelled("Correct order", "(shown shuffled)"),
         .answers(items.enumerated().map { QuestionDetail.Option(label: String($0.offset + 1), text: $0.element) })]
    }

    func describe(storedAnswer: String) -> String {
        storedAnswer.split(separator: ",").map { letter -> String in
            let index = (0..<items.count).first { Choice.positionalID($0) == String(letter) }
            return index.map { items[$0] } ?? String(letter)
        }.joined(separator: " → ")
    }

    func giftAnswers(feedback: inout Feedback?, warn: (String) -> Void) -> [String]? {
        warn("GIFT has no ordering questions; left out")
        return nil
    }
}

extension OrderType {
    var analysedOptions: [AnalysedOption] { [] }
    /// The expected share of items in place under a random arrangement: 1 ÷ items.
    var randomGuessScore: Double? { items.isEmpty ? nil : 1 / Double(items.count) }
}
