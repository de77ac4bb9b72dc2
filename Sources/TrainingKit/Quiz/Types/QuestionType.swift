/// One question type as a unit: its YAML keys and decoding, schema, input, marking, records, screens and GIFT mapping.
///
/// Each conforming type lives in its own file in this folder and is listed once in `QuestionTypes.all`;
/// `QuestionKind.unit` maps each case to its type. Everything else in the package reaches a question's
/// behaviour through these requirements, never by switching over the kind.
protocol QuestionType: Sendable {
    // MARK: The module format

    /// The `type` value written in YAML.
    static var name: String { get }
    /// How the `type` enum in the JSON Schema describes it, e.g. "single: one right choice".
    static var schemaSummary: String { get }
    /// Whether answers earn points (false only for reflections).
    static var isScored: Bool { get }
    /// The type's own YAML keys: what each means in the JSON Schema and whether it is required.
    static var fields: [QuestionField] { get }
    /// Named JSON Schema definitions the fields refer to as `#/$defs/NAME`.
    static var schemaDefinitions: [(String, JSONValue)] { get }
    /// Extra schema constraints on the type's own keys, applied only when `type` is this one.
    static var schemaRule: [(String, JSONValue)] { get }
    /// The commented example question `cares new` writes, indented for the quiz's question list.
    static var scaffold: String { get }
    /// Reads the type's own keys from a question mapping, reporting problems with their location; nil after an error.
    static func decode(_ context: QuestionDecoding) -> QuestionKind?

    /// The kind this value is.
    var kind: QuestionKind { get }
    /// The choices of a choice question, else empty.
    var choices: [Choice] { get }
    /// The same question with every text of the type's own fields passed through `fill`.
    func fillingPlaceholders(_ fill: (String) -> String) -> QuestionKind
    /// Writes the type's own keys as YAML (double-quoted texts) at `indent`.
    func writeYAML(into lines: inout YAMLLines, indent: Int)

    // MARK: The quiz

    /// The display order of options for one attempt (canonical indices), drawing from `random` as the plan needs.
    func displayOrder(shuffle: Bool, random: inout SeededGenerator) -> [Int]
    /// Parses trimmed input given the display order; a failure is a hint on how to type it.
    func parse(_ text: String, displayOrder: [Int]) -> Result<Answer, InputHint>
    /// Marks an answer worth `points`; nil when the answer is not of this type's shape.
    func mark(_ answer: Answer, points: Double) -> Mark?
    /// The type's own feedback lines: chosen options and the right answer.
    func feedbackLines(for answer: Answer, fullyRight: Bool, displayOrder: [Int]) -> [FeedbackLine]

    // MARK: Front ends

    /// What the terminal shows under the prompt: options and how to answer.
    func screenLines(displayOrder: [Int]) -> [QuestionScreenLine]
    /// The prompt line before the learner types.
    func inputPrompt(displayOrder: [Int]) -> String
    /// The first row of `?` help: what to type, and what it does.
    static var inputHelp: (key: String, text: String) { get }
    /// What `cares preview` shows after the prompt, answers included.
    var previewDetails: [QuestionDetail] { get }
    /// A stored (canonical) answer as a coordinator reads it.
    func describe(storedAnswer: String) -> String
    /// The wrong parts of a stored answer, for item analysis.
    func wrongParts(ofStoredAnswer answer: String) -> [String]
    /// The options item analysis reports per choice; empty when the type has none to choose from.
    var analysedOptions: [AnalysedOption] { get }
    /// The expected score (fraction of the maximum) of answering at random; nil when the type is unscored.
    var randomGuessScore: Double? { get }
    /// A stored (canonical) answer read back, so a review can rebuild its feedback; nil when unreadable.
    func answer(fromStored stored: String) -> Answer?

    // MARK: GIFT

    /// The GIFT answer lines, or nil when GIFT cannot carry the type (after a warning). May take the feedback it carries.
    func giftAnswers(feedback: inout Feedback?, warn: (String) -> Void) -> [String]?
    /// When GIFT import tries this type (lower first); nil when no GIFT question becomes one.
    static var giftImportRank: Int? { get }
    /// The question a GIFT answer block becomes, or nil when the block is not of this type.
    static func importGIFT(_ block: GIFTAnswerBlock, warn: (String) -> Void) -> GIFTImportedKind?
}

extension QuestionType {
    static var isScored: Bool { true }
    static var schemaDefinitions: [(String, JSONValue)] { [] }
    static var schemaRule: [(String, JSONValue)] { [] }
    var choices: [Choice] { [] }

    func displayOrder(shuffle: Bool, random: inout SeededGenerator) -> [Int] { [] }

    func describe(storedAnswer: String) -> String { storedAnswer }

    func wrongParts(ofStoredAnswer answer: String) -> [String] { answer.isEmpty ? [] : [answer] }

    func answer(fromStored stored: String) -> Answer? { .text(stored) }

    /// The canonical indices of comma-separated positional ids (a, b, …) among `count`; nil if one is unknown.
    static func positions(ofStored stored: String, count: Int) -> [Int]? {
        let ids = stored.split(separator: ",").map(String.init)
        var result: [Int] = []
        for id in ids {
            guard let index = (0..<count).first(where: { Choice.positionalID($0) == id }) else { return nil }
            result.append(index)
        }
        return result
    }

    static var giftImportRank: Int? { nil }

    static func importGIFT(_ block: GIFTAnswerBlock, warn: (String) -> Void) -> GIFTImportedKind? { nil }

    /// Options lettered by display position: "a) text".
    static func letteredLines(_ texts: [String], displayOrder: [Int]) -> [QuestionScreenLine] {
        displayOrder.enumerated().compactMap { position, index in
            texts.indices.contains(index) ? .option("\(PlannedQuestion.label(position))) \(texts[index])") : nil
        }
    }

    /// The letter shown for a canonical index in this attempt.
    static func label(of canonical: Int, displayOrder: [Int]) -> String {
        PlannedQuestion.label(displayOrder.firstIndex(of: canonical) ?? canonical)
    }
}
