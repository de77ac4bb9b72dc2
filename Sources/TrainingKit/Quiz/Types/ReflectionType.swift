/// `reflection`: free text, never scored; the text is kept in the record store only with `store: true`.
struct ReflectionType: QuestionType {
    var store: Bool

    static let name = "reflection"
    static let schemaSummary = "reflection (never scored)"
    static let isScored = false
    static let inputHelp = (key: "text", text: "your own words")
    static let fields = [
        QuestionField("store", required: false, schema: ModuleSchema.boolean("Keep the learner's text in the record store; default false.")),
    ]
    static let scaffold = """
        - id: own-words
          type: reflection             # never scored; kept only with store: true
          objective: private-space
          prompt: What would you say to ask for a private moment with a patient?
          store: false
        """

    var kind: QuestionKind { .reflection(store: store) }

    static func decode(_ context: QuestionDecoding) -> QuestionKind? {
        .reflection(store: context.map.optionalBool("store") ?? false)
    }

    func fillingPlaceholders(_ fill: (String) -> String) -> QuestionKind { kind }

    func writeYAML(into lines: inout YAMLLines, indent: Int) {
        if store { lines.append("store: true", indent: indent) }
    }

    func parse(_ text: String, displayOrder: [Int]) -> Result<Answer, InputHint> {
        guard !text.isEmpty else { return .failure(InputHint("Type a few words, or :skip to move on.")) }
        return .success(.text(text))
    }

    func mark(_ answer: Answer, points: Double) -> Mark? {
        guard case .text(let text) = answer else { return nil }
        return Mark(points: 0, maxPoints: 0, isCorrect: nil, canonicalAnswer: store ? text : "")
    }

    func feedbackLines(for answer: Answer, fullyRight: Bool, displayOrder: [Int]) -> [FeedbackLine] { [] }

    func screenLines(displayOrder: [Int]) -> [QuestionScreenLine] {
        [.instruction(store ? "Not scored. What you write is kept with your record." : "Not scored, and not saved: this is for you.")]
    }

    func inputPrompt(displayOrder: [Int]) -> String { "Your thoughts (:skip to move on):" }

    var previewDetails: [QuestionDetail] {
        [.labelled("Reflection", store ? "the learner's text is kept in the record store" : "the learner's text is not kept")]
    }

    func giftAnswers(feedback: inout Feedback?, warn: (String) -> Void) -> [String]? {
        warn("reflections are never scored and GIFT has no equivalent; left out")
        return nil
    }
}

extension ReflectionType {
    var analysedOptions: [AnalysedOption] { [] }
    var randomGuessScore: Double? { nil }
}
