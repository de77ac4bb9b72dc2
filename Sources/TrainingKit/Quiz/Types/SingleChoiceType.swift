/// `single`: exactly one correct choice; all the points or none.
struct SingleChoiceType: ChoiceQuestionType {
    var choices: [Choice]

    static let name = "single"
    static let schemaSummary = "single: one right choice"
    static let inputHelp = (key: "a letter", text: "choose an answer (a number works too)")
    static let giftImportRank: Int? = 3
    static var schemaRule: [(String, JSONValue)] {
        [("choices", .object([("contains", correctChoiceSchema), ("minContains", .int(1)), ("maxContains", .int(1))]))]
    }
    static let scaffold = """
        - id: companion-answers
          type: single                 # exactly one correct choice
          objective: private-space
          prompt: A companion answers every question for the patient. What do you do first?
          hint: Think of a reason that applies to everyone.
          choices:
            - text: Say that you see everyone alone for a while
              correct: true
              feedback: A routine policy gives a neutral reason to talk alone.
            - text: Ask the companion how the injury happened
              feedback: The companion may be the person in control.
            - text: Ask her in front of him whether she feels safe
              feedback: She cannot answer freely in front of him.
          explanation: Privacy comes first. Only then can you ask open questions.
        """

    init(choices: [Choice]) {
        self.choices = choices
    }

    var kind: QuestionKind { .single(choices) }

    static func decode(_ context: QuestionDecoding) -> QuestionKind? {
        guard let node = context.map.required("choices"), let choices = decodeChoices(node, context: context) else { return nil }
        let correct = choices.filter(\.isCorrect)
        let label = context.label
        if choices.count < minimumChoices {
            context.bag.error("\(label) has \(choices.count) choice(s); a 'single' question needs at least two", at: node.start)
        } else if correct.isEmpty {
            context.bag.error("\(label) has no correct choice", at: node.start, hint: "mark exactly one choice with 'correct: true'")
        } else if correct.count > 1 {
            let second = correct[1]
            let at = context.decoder.source.find("correct", from: second.location, throughLine: node.end.line) ?? second.location
            context.bag.error(
                "\(label) has \(correct.count) correct choices; a 'single' question needs exactly one",
                at: at, length: 7, hint: "use type 'multiple' if more than one answer is right")
        }
        return .single(choices)
    }

    func parse(_ text: String, displayOrder: [Int]) -> Result<Answer, InputHint> {
        let count = displayOrder.count
        guard let position = AnswerParser.position(of: text, count: count) else {
            return .failure(InputHint("Type one letter from \(AnswerParser.range(count)), or a number from 1 to \(count)."))
        }
        return .success(.choice(displayOrder[position]))
    }

    func mark(_ answer: Answer, points: Double) -> Mark? {
        guard case .choice(let index) = answer else { return nil }
        let right = choices.indices.contains(index) && choices[index].isCorrect
        let id = choices.indices.contains(index) ? choices[index].id : ""
        return Mark(points: right ? points : 0, maxPoints: points, isCorrect: right, canonicalAnswer: id)
    }

    func answer(fromStored stored: String) -> Answer? {
        choices.firstIndex { $0.id == stored }.map(Answer.choice)
    }

    func feedbackLines(for answer: Answer, fullyRight: Bool, displayOrder: [Int]) -> [FeedbackLine] {
        if case .choice(let index) = answer, choices.indices.contains(index) {
            var lines = [chosenLine(index, displayOrder: displayOrder)]
            if !choices[index].isCorrect { lines += rightAnswer(displayOrder: displayOrder) }
            return lines
        }
        if case .skipped = answer { return rightAnswer(displayOrder: displayOrder) }
        return []
    }

    private func rightAnswer(displayOrder: [Int]) -> [FeedbackLine] {
        guard let right = choices.firstIndex(where: \.isCorrect) else { return [] }
        return [FeedbackLine(.rightAnswer, "(\(Self.label(of: right, displayOrder: displayOrder))) \(choices[right].text)")]
    }

    func screenLines(displayOrder: [Int]) -> [QuestionScreenLine] {
        Self.letteredLines(choices.map(\.text), displayOrder: displayOrder)
    }

    func inputPrompt(displayOrder: [Int]) -> String {
        "Your answer (a–\(PlannedQuestion.label(max(0, displayOrder.count - 1))), ? for help):"
    }

    func giftAnswers(feedback: inout Feedback?, warn: (String) -> Void) -> [String]? {
        warnAboutChoiceIDs(warn)
        return choices.map { ($0.isCorrect ? "=" : "~") + GIFTText.exported($0.text) + GIFTText.feedbackSuffix($0.feedback) }
    }

    static func importGIFT(_ block: GIFTAnswerBlock, warn: (String) -> Void) -> GIFTImportedKind? {
        guard let (choices, fullMarks, partial) = giftChoices(block), fullMarks,
            choices.filter(\.isCorrect).count == 1
        else { return nil }
        warnAboutPartialCredit(fullMarks: fullMarks, partial: partial, warn)
        return GIFTImportedKind(kind: .single(choices))
    }
}

extension SingleChoiceType {
    var analysedOptions: [AnalysedOption] { choices.map { AnalysedOption(id: $0.id, text: $0.text, isCorrect: $0.isCorrect) } }
    /// Right choices ÷ choices.
    var randomGuessScore: Double? {
        choices.isEmpty ? nil : Double(choices.filter(\.isCorrect).count) / Double(choices.count)
    }
}
