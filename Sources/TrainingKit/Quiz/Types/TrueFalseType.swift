/// `true-false`: `answer` is true or false; all the points or none.
struct TrueFalseType: QuestionType {
    var answer: Bool

    static let name = "true-false"
    static let schemaSummary = "true-false"
    static let inputHelp = (key: "t or f", text: "true or false (yes and no work too)")
    static let giftImportRank: Int? = 0
    static let fields = [
        QuestionField("answer", schema: .object([("description", .string("The right answer.")), ("type", .string("boolean"))])),
    ]
    static let scaffold = """
        - id: family-interpreter
          type: true-false
          objective: interpreters
          prompt: A family member may interpret if the patient agrees in front of them.
          answer: false
          feedback: {correct: Right., incorrect: Agreement in front of a possible controller is not free.}
          explanation: Consent given while watched is not free consent.
        """

    var kind: QuestionKind { .trueFalse(answer: answer) }

    static func decode(_ context: QuestionDecoding) -> QuestionKind? {
        guard let node = context.map.required("answer"), let answer = context.decoder.bool(node, field: "answer") else { return nil }
        return .trueFalse(answer: answer)
    }

    func fillingPlaceholders(_ fill: (String) -> String) -> QuestionKind { kind }

    func writeYAML(into lines: inout YAMLLines, indent: Int) {
        lines.append("answer: \(answer)", indent: indent)
    }

    func parse(_ text: String, displayOrder: [Int]) -> Result<Answer, InputHint> {
        let word = text.lowercased()
        if ["t", "true", "y", "yes"].contains(word) { return .success(.bool(true)) }
        if ["f", "false", "n", "no"].contains(word) { return .success(.bool(false)) }
        return .failure(InputHint("Type t for true or f for false."))
    }

    func mark(_ given: Answer, points: Double) -> Mark? {
        guard case .bool(let value) = given else { return nil }
        return Mark(points: value == answer ? points : 0, maxPoints: points, isCorrect: value == answer,
            canonicalAnswer: value ? "true" : "false")
    }

    func answer(fromStored stored: String) -> Answer? {
        stored == "true" ? .bool(true) : stored == "false" ? .bool(false) : nil
    }

    func feedbackLines(for answer: Answer, fullyRight: Bool, displayOrder: [Int]) -> [FeedbackLine] {
        fullyRight ? [] : [FeedbackLine(.rightAnswer, self.answer ? "True" : "False")]
    }

    func screenLines(displayOrder: [Int]) -> [QuestionScreenLine] { [.note("True or false?")] }

    func inputPrompt(displayOrder: [Int]) -> String { "Your answer (t or f, ? for help):" }

    var previewDetails: [QuestionDetail] { [.labelled("Answer", answer ? "true" : "false")] }

    func giftAnswers(feedback: inout Feedback?, warn: (String) -> Void) -> [String]? {
        var line = answer ? "TRUE" : "FALSE"
        if case .byOutcome(let right, let wrong) = feedback {
            line += "#" + GIFTText.exported(wrong ?? "") + "#" + GIFTText.exported(right ?? "")
            feedback = nil
        }
        return [line]
    }

    /// `T`, `TRUE`, `F` or `FALSE`, with up to two feedbacks (wrong, then right).
    static func importGIFT(_ block: GIFTAnswerBlock, warn: (String) -> Void) -> GIFTImportedKind? {
        var parts: [[GIFTText.Unit]] = [[]]
        for unit in block.units {
            if unit.character == "#", !unit.escaped { parts.append([]) } else { parts[parts.count - 1].append(unit) }
        }
        let word = GIFTText.string(parts[0]).uppercased()
        guard ["T", "TRUE", "F", "FALSE"].contains(word), parts.count <= 3 else { return nil }
        let wrong = parts.count > 1 ? GIFTText.nonEmpty(GIFTText.string(parts[1])) : nil
        let right = parts.count > 2 ? GIFTText.nonEmpty(GIFTText.string(parts[2])) : nil
        let feedback: Feedback? = wrong != nil || right != nil ? .byOutcome(correct: right, incorrect: wrong) : nil
        return GIFTImportedKind(kind: .trueFalse(answer: word.hasPrefix("T")), feedback: feedback)
    }
}

extension TrueFalseType {
    var analysedOptions: [AnalysedOption] {
        [AnalysedOption(id: "true", text: "True", isCorrect: answer), AnalysedOption(id: "false", text: "False", isCorrect: !answer)]
    }
    var randomGuessScore: Double? { 0.5 }
}
