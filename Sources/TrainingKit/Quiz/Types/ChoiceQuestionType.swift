/// What single- and multiple-choice questions share: lettered choices with ids, texts, feedback and rightness.
protocol ChoiceQuestionType: QuestionType {
    var choices: [Choice] { get }
    init(choices: [Choice])
}

extension ChoiceQuestionType {
    /// The canonical indices of the comma-separated choice ids of a stored answer; nil if one is unknown.
    func choiceIndices(ofStored stored: String) -> [Int]? {
        var result: [Int] = []
        for id in stored.split(separator: ",") {
            guard let index = choices.firstIndex(where: { $0.id == String(id) }) else { return nil }
            result.append(index)
        }
        return result
    }

    /// The fewest choices a choice question may have.
    static var minimumChoices: Int { 2 }

    static var fields: [QuestionField] {
        [.list("choices", minItems: minimumChoices, items: ModuleSchema.ref("choice"))]
    }

    static var schemaDefinitions: [(String, JSONValue)] {
        [("choice", ModuleSchema.closedObject(required: ["text"], [
            ("id", ModuleSchema.ref("id")), ("text", ModuleSchema.ref("text")),
            ("correct", ModuleSchema.boolean("Whether this choice is right; default false.")),
            ("feedback", ModuleSchema.ref("optionalText", "Why this choice is right or wrong.")),
        ]))]
    }

    /// The schema of a choice marked `correct: true`, for `contains` rules.
    static var correctChoiceSchema: JSONValue {
        .object([
            ("type", .string("object")), ("required", ModuleSchema.strings(["correct"])),
            ("properties", .object([("correct", .object([("const", .bool(true))]))])),
        ])
    }

    func fillingPlaceholders(_ fill: (String) -> String) -> QuestionKind {
        Self(choices: choices.map { var choice = $0; choice.text = fill(choice.text); choice.feedback = choice.feedback.map(fill); return choice }).kind
    }

    func writeYAML(into lines: inout YAMLLines, indent: Int) {
        lines.append("choices:", indent: indent)
        for (index, choice) in choices.enumerated() {
            if choice.id != Choice.positionalID(index) {
                lines.append("- id: " + JSONValue.quoted(choice.id), indent: indent + 2)
                lines.text("text", choice.text, indent: indent + 4)
            } else {
                lines.append("- text: " + JSONValue.quoted(choice.text), indent: indent + 2)
            }
            if choice.isCorrect { lines.append("correct: true", indent: indent + 4) }
            lines.text("feedback", choice.feedback, indent: indent + 4)
        }
    }

    func displayOrder(shuffle: Bool, random: inout SeededGenerator) -> [Int] {
        shuffle ? random.shuffled(Array(choices.indices)) : Array(choices.indices)
    }

    /// A "you chose" line for the choice at a canonical index.
    func chosenLine(_ index: Int, displayOrder: [Int]) -> FeedbackLine {
        let choice = choices[index]
        return FeedbackLine(
            .chosen(label: Self.label(of: index, displayOrder: displayOrder), text: choice.text, correct: choice.isCorrect),
            choice.feedback ?? "")
    }

    var previewDetails: [QuestionDetail] {
        [.answers(choices.map { QuestionDetail.Option(correct: $0.isCorrect, label: $0.id, text: $0.text, feedback: $0.feedback) })]
    }

    func describe(storedAnswer: String) -> String {
        guard let choice = choices.first(where: { $0.id == storedAnswer }) else { return storedAnswer }
        return "\(storedAnswer): \(choice.text)"
    }

    func wrongParts(ofStoredAnswer answer: String) -> [String] {
        let correct = Set(choices.filter(\.isCorrect).map(\.id))
        return answer.split(separator: ",").map(String.init).filter { !correct.contains($0) }
    }

    /// Warns that explicit choice ids become positions in GIFT.
    func warnAboutChoiceIDs(_ warn: (String) -> Void) {
        if choices.enumerated().contains(where: { $0.element.id != Choice.positionalID($0.offset) }) {
            warn("explicit choice ids are not carried; after import choices are identified by position (a, b, c …)")
        }
    }

    /// Reads the `choices` list; nil when a choice had an error.
    static func decodeChoices(_ node: YAMLNode, context: QuestionDecoding) -> [Choice]? {
        let decoder = context.decoder
        let bag = context.bag
        guard let items = decoder.list(node, field: "choices") else { return nil }
        var texts = FirstSeen()
        var ids = FirstSeen()
        let choices = items.enumerated().compactMap { index, item -> Choice? in
            guard let map = decoder.mapping(item, what: "a choice") else { return nil }
            map.rejectUnknownKeys(allowed: ["id", "text", "correct", "feedback"])
            let text = map.requiredText("text")
            let correct = map.value("correct") == nil ? false : map.optionalBool("correct")
            let feedback = map.optionalText("feedback")
            var id = Choice.positionalID(index)
            if let idNode = map.value("id"), let explicit = decoder.text(idNode, field: "id") {
                decoder.checkID(explicit, at: idNode, what: "choice")
                id = explicit
            }
            if let first = ids.see(id, at: item.start) {
                bag.error("duplicate choice id '\(id)' (first on line \(first.line))", at: item.start)
            }
            if let text, let textNode = map.value("text"), let first = texts.see(ShortAnswer.normalize(text), at: textNode.start) {
                bag.error(
                    "duplicate choice text '\(text)' (first on line \(first.line))", at: textNode.start,
                    length: text.count, hint: "each choice must read differently")
            }
            guard let text, let correct else { return nil }
            return Choice(id: id, text: text, isCorrect: correct, feedback: feedback, location: item.start)
        }
        return choices.count == items.count ? choices : nil
    }

    /// GIFT answers read as choices: a choice is right when marked `=` or, with no full-marks answer, any positive weight.
    static func giftChoices(_ block: GIFTAnswerBlock) -> (choices: [Choice], fullMarks: Bool, partial: Bool)? {
        let answers = block.answers
        guard !answers.isEmpty, !block.allFullMarks else { return nil }
        let fullMarks = answers.contains { $0.marker == "=" || ($0.weight ?? 0) >= 100 }
        let partial = answers.contains { $0.marker == "~" && ($0.weight ?? 0) > 0 && ($0.weight ?? 0) < 100 }
        let choices = answers.enumerated().map { index, answer in
            let correct = answer.marker == "=" || (answer.weight ?? 0) > (fullMarks ? 99.99 : 0)
            return Choice(id: Choice.positionalID(index), text: answer.text, isCorrect: correct, feedback: answer.feedback)
        }
        guard choices.contains(where: \.isCorrect) else { return nil }
        return (choices, fullMarks, partial)
    }

    /// The warning for partial credit on a wrong choice, which cares scores 0.
    static func warnAboutPartialCredit(fullMarks: Bool, partial: Bool, _ warn: (String) -> Void) {
        if fullMarks, partial { warn("partial credit for a wrong choice is not carried (cares scores it 0)") }
    }
}
