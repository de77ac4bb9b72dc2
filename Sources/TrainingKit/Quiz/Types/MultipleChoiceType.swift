/// `multiple`: at least one correct choice; `max(0, right picks − wrong picks) ÷ correct choices × points`.
struct MultipleChoiceType: ChoiceQuestionType {
    var choices: [Choice]

    static let name = "multiple"
    static let schemaSummary = "multiple: several"
    static let inputHelp = (key: "letters", text: "choose every answer that applies, e.g. a c")
    static let giftImportRank: Int? = 4
    static var schemaRule: [(String, JSONValue)] { [("choices", .object([("contains", correctChoiceSchema)]))] }
    static let scaffold = """
        - id: who-interprets
          type: multiple               # at least one correct choice; partial credit
          objective: interpreters
          prompt: Who may interpret? Choose all that apply.
          points: 2                    # 1–100, default 1
          choices:
            - {text: A telephone interpreter, correct: true, feedback: Professional and impartial.}
            - {text: A video interpreter, correct: true, feedback: Also professional.}
            - {text: The patient's companion, feedback: "Not impartial, and possibly in control."}
            - {text: A relative who speaks both languages, feedback: "Not impartial, and may be in control."}
          explanation: Only professional interpreters keep the conversation safe.
        """

    init(choices: [Choice]) {
        self.choices = choices
    }

    var kind: QuestionKind { .multiple(choices) }

    static func decode(_ context: QuestionDecoding) -> QuestionKind? {
        guard let node = context.map.required("choices"), let choices = decodeChoices(node, context: context) else { return nil }
        if choices.count < minimumChoices {
            context.bag.error("\(context.label) has \(choices.count) choice(s); a 'multiple' question needs at least two", at: node.start)
        } else if !choices.contains(where: \.isCorrect) {
            context.bag.error(
                "\(context.label) has no correct choice", at: node.start, hint: "mark at least one choice with 'correct: true'")
        }
        return .multiple(choices)
    }

    func parse(_ text: String, displayOrder: [Int]) -> Result<Answer, InputHint> {
        guard let positions = AnswerParser.positions(in: text, count: displayOrder.count), !positions.isEmpty else {
            return .failure(InputHint("Type every letter that applies, separated by spaces (for example: a c)."))
        }
        return .success(.choices(Set(positions.map { displayOrder[$0] })))
    }

    func mark(_ answer: Answer, points: Double) -> Mark? {
        guard case .choices(let picked) = answer else { return nil }
        let valid = picked.filter { choices.indices.contains($0) }
        let correctCount = choices.filter(\.isCorrect).count
        let rightPicks = valid.filter { choices[$0].isCorrect }.count
        let wrongPicks = valid.count - rightPicks
        let fraction = correctCount == 0 ? 0 : Double(max(0, rightPicks - wrongPicks)) / Double(correctCount)
        let canonical = valid.sorted().map { choices[$0].id }.joined(separator: ",")
        return Mark(points: points * fraction, maxPoints: points, isCorrect: fraction == 1, canonicalAnswer: canonical)
    }

    func answer(fromStored stored: String) -> Answer? {
        choiceIndices(ofStored: stored).map { .choices(Set($0)) }
    }

    func feedbackLines(for answer: Answer, fullyRight: Bool, displayOrder: [Int]) -> [FeedbackLine] {
        guard case .choices(let picked) = answer else { return [] }
        let shown = displayOrder.filter { choices.indices.contains($0) }
        var lines = shown.filter { picked.contains($0) }.map { chosenLine($0, displayOrder: displayOrder) }
        for index in shown where choices[index].isCorrect && !picked.contains(index) {
            let choice = choices[index]
            lines.append(FeedbackLine(
                .rightAnswer,
                "You missed (\(Self.label(of: index, displayOrder: displayOrder))) \(choice.text)" + (choice.feedback.map { ": \($0)" } ?? "")))
        }
        return lines
    }

    func screenLines(displayOrder: [Int]) -> [QuestionScreenLine] {
        Self.letteredLines(choices.map(\.text), displayOrder: displayOrder) + [.instruction("Choose all that apply.")]
    }

    func inputPrompt(displayOrder: [Int]) -> String {
        "Your answers (letters a–\(PlannedQuestion.label(max(0, displayOrder.count - 1))) separated by spaces, ? for help):"
    }

    func giftAnswers(feedback: inout Feedback?, warn: (String) -> Void) -> [String]? {
        warnAboutChoiceIDs(warn)
        let share = 100.0 / Double(max(1, choices.filter(\.isCorrect).count))
        return choices.map {
            "~%\(GIFTExporter.percent($0.isCorrect ? share : -share))%" + GIFTText.exported($0.text) + GIFTText.feedbackSuffix($0.feedback)
        }
    }

    static func importGIFT(_ block: GIFTAnswerBlock, warn: (String) -> Void) -> GIFTImportedKind? {
        guard let (choices, fullMarks, partial) = giftChoices(block) else { return nil }
        warnAboutPartialCredit(fullMarks: fullMarks, partial: partial, warn)
        let weights = Set(block.answers.filter { $0.marker == "~" && ($0.weight ?? 0) > 0 }.compactMap(\.weight).map { ($0 * 1000).rounded() })
        if weights.count > 1 {
            warn("unequal weights become equal shares (cares divides the points among the right choices)")
        }
        return GIFTImportedKind(kind: .multiple(choices))
    }
}

extension MultipleChoiceType {
    var analysedOptions: [AnalysedOption] { choices.map { AnalysedOption(id: $0.id, text: $0.text, isCorrect: $0.isCorrect) } }
    /// The mean mark over every subset of the choices (each ticked or not with even odds), up to 12 choices.
    var randomGuessScore: Double? {
        guard !choices.isEmpty, choices.count <= 12 else { return nil }
        var total = 0.0
        for mask in 0..<(1 << choices.count) {
            let picked = Set(choices.indices.filter { mask & (1 << $0) != 0 })
            total += mark(.choices(picked), points: 1)?.points ?? 0
        }
        return total / Double(1 << choices.count)
    }
}
