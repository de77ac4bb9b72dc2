/// `short`: accepted answers, matched ignoring case and extra whitespace; all the points or none.
struct ShortAnswerType: QuestionType {
    var accept: [String]

    static let name = "short"
    static let schemaSummary = "short"
    static let inputHelp = (key: "text", text: "a word or two; capitals and spaces don't matter")
    static let giftImportRank: Int? = 2
    static let minimumAnswers = 1
    static let fields = [
        QuestionField.list(
            "accept", minItems: minimumAnswers, items: ModuleSchema.ref("textItem"),
            description: "Accepted answers, matched ignoring case and extra spaces."),
    ]
    static let scaffold = """
        - id: interpreter-kind
          type: short                  # matched ignoring case and extra spaces
          objective: interpreters
          prompt: What kind of interpreter should you use? (one word)
          accept: [professional, qualified]
          explanation: A professional interpreter is impartial.
        """

    var kind: QuestionKind { .short(accept: accept) }

    static func decode(_ context: QuestionDecoding) -> QuestionKind? {
        guard let node = context.map.required("accept"), let accept = context.decoder.textList(node, field: "accept") else { return nil }
        if accept.count < minimumAnswers {
            context.bag.error("\(context.label) accepts no answers", at: node.start, hint: "list at least one accepted answer")
        }
        context.checkDistinct(accept.map(ShortAnswer.normalize), node: node, what: "accepted answer")
        return .short(accept: accept)
    }

    func fillingPlaceholders(_ fill: (String) -> String) -> QuestionKind { kind }

    func writeYAML(into lines: inout YAMLLines, indent: Int) {
        lines.list("accept", accept, indent: indent)
    }

    func parse(_ text: String, displayOrder: [Int]) -> Result<Answer, InputHint> {
        guard !text.isEmpty else { return .failure(InputHint("Type a short answer, or :skip.")) }
        return .success(.text(text))
    }

    func mark(_ answer: Answer, points: Double) -> Mark? {
        guard case .text(let text) = answer else { return nil }
        let normalized = ShortAnswer.normalize(text)
        let right = accept.contains { ShortAnswer.normalize($0) == normalized }
        return Mark(points: right ? points : 0, maxPoints: points, isCorrect: right, canonicalAnswer: normalized)
    }

    func feedbackLines(for answer: Answer, fullyRight: Bool, displayOrder: [Int]) -> [FeedbackLine] {
        guard !fullyRight, let first = accept.first else { return [] }
        return [FeedbackLine(.rightAnswer, first)]
    }

    func screenLines(displayOrder: [Int]) -> [QuestionScreenLine] { [] }

    func inputPrompt(displayOrder: [Int]) -> String { "Your answer (? for help):" }

    var previewDetails: [QuestionDetail] {
        [.labelled("Accepted answers", "(ignoring case and extra spaces)"), .list(accept)]
    }

    func giftAnswers(feedback: inout Feedback?, warn: (String) -> Void) -> [String]? {
        accept.map { "=" + GIFTText.exported($0) }
    }

    /// `{=answer =another}`: every answer a `=` answer (matching, with arrows, is tried first).
    static func importGIFT(_ block: GIFTAnswerBlock, warn: (String) -> Void) -> GIFTImportedKind? {
        let answers = block.answers
        guard !answers.isEmpty, block.allFullMarks else { return nil }
        let full = answers.filter { ($0.weight ?? 100) >= 100 }
        if full.count < answers.count {
            warn("answers with partial credit are left out (cares marks short answers right or wrong)")
        }
        if Set(full.compactMap(\.feedback)).count > 1 {
            warn("short answers with different feedback get the first one as feedback when correct")
        }
        let feedback = full.compactMap(\.feedback).first.map { Feedback.byOutcome(correct: $0, incorrect: nil) }
        return GIFTImportedKind(kind: .short(accept: full.map(\.text)), feedback: feedback)
    }
}

extension ShortAnswerType {
    var analysedOptions: [AnalysedOption] { [] }
    var randomGuessScore: Double? { 0 }
}
