extension ModuleDecoder {
    static let commonQuestionKeys = ["id", "type", "objective", "prompt", "points", "hint", "explanation", "feedback"]
    /// The range of a question's `points`.
    static let pointsRange = 1...100

    func decodeQuiz(_ node: YAMLNode) -> Quiz? {
        guard let map = decoder.mapping(node, what: "the quiz") else { return nil }
        map.rejectUnknownKeys(allowed: ["draw", "shuffle", "feedback", "questions"])
        let shuffle = map.value("shuffle") == nil ? true : map.optionalBool("shuffle")
        let draw = map.optionalInt("draw", in: 1...10_000)
        let timing = decodeFeedbackTiming(map)
        guard let questionsNode = map.required("questions"),
            let items = decoder.list(questionsNode, field: "questions")
        else { return nil }
        if items.isEmpty {
            bag.error("the quiz has no questions", at: questionsNode.start)
            return nil
        }
        var ids = IDRegistry(kind: "question", bag: bag)
        let units: [QuizUnit] = items.compactMap { decodeUnit($0, ids: &ids) }
        if let draw, let drawNode = map.value("draw"), draw > items.count {
            bag.error(
                "'draw' is \(draw) but the pool has only \(items.count) units", at: drawNode.start,
                length: String(draw).count, hint: "a scenario counts as one unit; lower 'draw' or add questions")
        }
        if !units.isEmpty, !units.contains(where: { $0.questions.contains { $0.kind.isScored } }) {
            bag.error("the quiz has no scored questions", at: questionsNode.start, hint: "reflections are never scored")
        }
        // Partial when some units had errors, so references are still checked; the bag holds the errors.
        var quiz = Quiz(draw: draw, shuffle: shuffle ?? true, units: units, feedback: timing, location: node.start)
        quiz.drawLocation = map.value("draw")?.start
        return quiz
    }

    /// The quiz's `feedback` (when right answers are shown); `immediate` when absent or wrong (after an error).
    private func decodeFeedbackTiming(_ map: MappingReader) -> FeedbackTiming {
        guard let node = map.value("feedback"), let text = decoder.text(node, field: "feedback") else { return .immediate }
        guard let timing = FeedbackTiming(rawValue: text) else {
            bag.error(
                "quiz 'feedback' is '\(text)'; it must be 'immediate' or 'end'", at: node.start, length: text.count,
                hint: "'immediate' shows the right answer after each question; 'end' only on the result screen")
            return .immediate
        }
        return timing
    }

    private func decodeUnit(_ node: YAMLNode, ids: inout IDRegistry) -> QuizUnit? {
        if case .mapping(let pairs) = node.value, pairs.contains(where: { $0.key.scalarText == "scenario" }) {
            guard let map = decoder.mapping(node, what: "a scenario entry") else { return nil }
            map.rejectUnknownKeys(
                allowed: ["scenario"],
                misplaced: { key in
                    Self.commonQuestionKeys.contains(key)
                        ? "put it inside the scenario (or one of its questions), indented under 'scenario:'" : nil
                })
            return map.required("scenario").flatMap { decodeScenario($0, ids: &ids) }.map(QuizUnit.scenario)
        }
        return decodeQuestion(node, ids: &ids).map(QuizUnit.question)
    }

    private func decodeScenario(_ node: YAMLNode, ids: inout IDRegistry) -> Scenario? {
        guard let map = decoder.mapping(node, what: "a scenario") else { return nil }
        map.rejectUnknownKeys(allowed: ["id", "title", "text", "questions"])
        let id = map.requiredText("id")
        if let id, let idNode = map.value("id") {
            decoder.checkID(id, at: idNode, what: "scenario")
            ids.register(id, at: idNode)
        }
        let title = map.requiredText("title")
        let text = map.requiredText("text")
        guard let questionsNode = map.required("questions"), let items = decoder.list(questionsNode, field: "questions")
        else { return nil }
        if items.isEmpty { bag.error("the scenario has no questions", at: questionsNode.start) }
        let questions = items.compactMap { item -> Question? in
            if case .mapping(let pairs) = item.value, pairs.contains(where: { $0.key.scalarText == "scenario" }) {
                bag.error("a scenario cannot contain another scenario", at: item.start)
                return nil
            }
            return decodeQuestion(item, ids: &ids)
        }
        guard let id, let title, let text, questions.count == items.count, !items.isEmpty else { return nil }
        return Scenario(id: id, title: title, text: text, questions: questions, location: node.start)
    }

    private func decodeQuestion(_ node: YAMLNode, ids: inout IDRegistry) -> Question? {
        guard let map = decoder.mapping(node, what: "a question") else { return nil }
        let id = map.requiredText("id")
        if let id, let idNode = map.value("id") {
            decoder.checkID(id, at: idNode, what: "question")
            ids.register(id, at: idNode)
        }
        let label = id.map { "question '\($0)'" } ?? "a question"
        var type: (any QuestionType.Type)?
        if let typeNode = map.required("type"), let text = decoder.text(typeNode, field: "type") {
            if let known = QuestionTypes.named(text) {
                type = known
            } else {
                bag.error(
                    "\(label) has unknown type '\(text)'", at: typeNode.start, length: text.count,
                    hint: Suggestion.hint(for: text, in: QuestionKind.typeNames)
                        ?? "types: \(QuestionKind.typeNames.joined(separator: ", "))")
            }
        }
        let typedKeys = QuestionTypes.typedKeys
        if let type {
            let own = QuestionTypes.ownKeys[type.name] ?? []
            map.rejectUnknownKeys(allowed: Self.commonQuestionKeys + own) { key in
                typedKeys.contains(key) && !own.contains(key)
                    ? "'\(key)' is for \(QuestionTypes.ownersByKey[key] ?? key) questions, and \(label) is '\(type.name)'" : nil
            }
        } else {
            map.rejectUnknownKeys(allowed: Self.commonQuestionKeys + typedKeys)
        }
        let objective = map.requiredText("objective")
        if let objective, let objectiveNode = map.value("objective") {
            uses.record(
                ObjectiveUses.Use(
                    objective: objective, questionID: id ?? "?", location: objectiveNode.start,
                    isScored: type?.isScored ?? true))
        }
        let prompt = map.requiredText("prompt")
        let points = map.value("points") == nil ? 1 : map.optionalInt("points", in: Self.pointsRange)
        let hint = map.optionalText("hint")
        let explanation = map.optionalText("explanation")
        let feedback = map.value("feedback").flatMap(decodeFeedback)
        let kind = type.flatMap { $0.decode(QuestionDecoding(map: map, decoder: decoder, label: label)) }
        guard let id, let kind, let objective, let prompt, let points else { return nil }
        return Question(
            id: id, kind: kind, objective: objective, prompt: prompt, points: points, hint: hint,
            explanation: explanation, feedback: feedback, location: node.start)
    }

    private func decodeFeedback(_ node: YAMLNode) -> Feedback? {
        if case .mapping = node.value, !node.isFlow || decoder.source.find("{{", from: node.start, throughLine: node.start.line) != node.start {
            guard let map = decoder.mapping(node, what: "feedback") else { return nil }
            map.rejectUnknownKeys(allowed: ["correct", "incorrect"])
            let right = map.optionalText("correct")
            let wrong = map.optionalText("incorrect")
            if right == nil, wrong == nil {
                bag.error("feedback has neither 'correct' nor 'incorrect'", at: node.start)
            }
            return .byOutcome(correct: right, incorrect: wrong)
        }
        return decoder.text(node, field: "feedback").map(Feedback.always)
    }
}
