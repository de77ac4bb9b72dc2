extension ModuleDecoder {
    static let commonQuestionKeys = ["id", "type", "objective", "prompt", "points", "hint", "explanation", "feedback"]
    static let keysByType: [String: [String]] = [
        "single": ["choices"], "multiple": ["choices"], "true-false": ["answer"], "order": ["items"],
        "matching": ["pairs"], "short": ["accept"], "reflection": ["store"],
    ]
    static let typeOfKey: [String: String] = [
        "choices": "single and multiple", "answer": "true-false", "items": "order", "pairs": "matching",
        "accept": "short", "store": "reflection",
    ]

    func decodeQuiz(_ node: YAMLNode) -> Quiz? {
        guard let map = decoder.mapping(node, what: "the quiz") else { return nil }
        map.rejectUnknownKeys(allowed: ["draw", "shuffle", "questions"])
        let shuffle = map.value("shuffle") == nil ? true : map.optionalBool("shuffle")
        let draw = map.optionalInt("draw", in: 1...10_000)
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
        return Quiz(draw: draw, shuffle: shuffle ?? true, units: units)
    }

    private func decodeUnit(_ node: YAMLNode, ids: inout IDRegistry) -> QuizUnit? {
        if case .mapping(let pairs) = node.value, pairs.contains(where: { $0.key.scalarText == "scenario" }) {
            guard let map = decoder.mapping(node, what: "a scenario entry") else { return nil }
            map.rejectUnknownKeys(
                allowed: ["scenario"],
                misplaced: Dictionary(uniqueKeysWithValues: Self.commonQuestionKeys.map {
                    ($0, "put it inside the scenario (or one of its questions), indented under 'scenario:'")
                }))
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
        var type: String?
        if let typeNode = map.required("type"), let text = decoder.text(typeNode, field: "type") {
            if QuestionKind.typeNames.contains(text) {
                type = text
            } else {
                bag.error(
                    "\(label) has unknown type '\(text)'", at: typeNode.start, length: text.count,
                    hint: Suggestion.hint(for: text, in: QuestionKind.typeNames)
                        ?? "types: \(QuestionKind.typeNames.joined(separator: ", "))")
            }
        }
        if let type {
            let own = Self.keysByType[type] ?? []
            var misplaced: [String: String] = [:]
            for (key, owner) in Self.typeOfKey where !own.contains(key) {
                misplaced[key] = "'\(key)' is for \(owner) questions, and \(label) is '\(type)'"
            }
            map.rejectUnknownKeys(allowed: Self.commonQuestionKeys + own, misplaced: misplaced)
        } else {
            map.rejectUnknownKeys(allowed: Self.commonQuestionKeys + Array(Self.typeOfKey.keys))
        }
        let objective = map.requiredText("objective")
        if let objective, let objectiveNode = map.value("objective") {
            uses.record(
                ObjectiveUses.Use(
                    objective: objective, questionID: id ?? "?", location: objectiveNode.start,
                    isScored: type != "reflection"))
        }
        let prompt = map.requiredText("prompt")
        let points = map.value("points") == nil ? 1 : map.optionalInt("points", in: 1...100)
        let hint = map.optionalText("hint")
        let explanation = map.optionalText("explanation")
        let feedback = map.value("feedback").flatMap(decodeFeedback)
        let kind = type.flatMap { decodeKind($0, map: map, label: label) }
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

    private func decodeKind(_ type: String, map: MappingReader, label: String) -> QuestionKind? {
        switch type {
        case "single", "multiple":
            guard let node = map.required("choices"), let choices = decodeChoices(node) else { return nil }
            let correct = choices.filter(\.isCorrect).count
            if type == "single" {
                if choices.count < 2 {
                    bag.error("\(label) has \(choices.count) choice(s); a 'single' question needs at least two", at: node.start)
                } else if correct == 0 {
                    bag.error(
                        "\(label) has no correct choice", at: node.start,
                        hint: "mark exactly one choice with 'correct: true'")
                } else if correct > 1 {
                    let second = choices.filter(\.isCorrect)[1]
                    let at = decoder.source.find("correct", from: second.location, throughLine: node.end.line) ?? second.location
                    bag.error(
                        "\(label) has \(correct) correct choices; a 'single' question needs exactly one",
                        at: at, length: 7, hint: "use type 'multiple' if more than one answer is right")
                }
                return .single(choices)
            }
            if choices.count < 2 {
                bag.error("\(label) has \(choices.count) choice(s); a 'multiple' question needs at least two", at: node.start)
            } else if correct == 0 {
                bag.error("\(label) has no correct choice", at: node.start, hint: "mark at least one choice with 'correct: true'")
            }
            return .multiple(choices)
        case "true-false":
            guard let node = map.required("answer"), let answer = decoder.bool(node, field: "answer") else { return nil }
            return .trueFalse(answer: answer)
        case "order":
            guard let node = map.required("items"), let items = decoder.textList(node, field: "items") else { return nil }
            checkAtLeastTwo(items.count, what: "items", label: label, node: node)
            checkDistinct(items, node: node, what: "item")
            return .order(items)
        case "matching":
            guard let node = map.required("pairs"), let pairs = decodePairs(node) else { return nil }
            checkAtLeastTwo(pairs.count, what: "pairs", label: label, node: node)
            checkDistinct(pairs.map(\.left), node: node, what: "left side")
            checkDistinct(pairs.map(\.right), node: node, what: "right side")
            return .matching(pairs)
        case "short":
            guard let node = map.required("accept"), let accept = decoder.textList(node, field: "accept") else { return nil }
            if accept.isEmpty {
                bag.error("\(label) accepts no answers", at: node.start, hint: "list at least one accepted answer")
            }
            checkDistinct(accept.map(ShortAnswer.normalize), node: node, what: "accepted answer")
            return .short(accept: accept)
        case "reflection":
            return .reflection(store: map.optionalBool("store") ?? false)
        default:
            return nil
        }
    }

    private func checkAtLeastTwo(_ count: Int, what: String, label: String, node: YAMLNode) {
        if count < 2 {
            bag.error("\(label) has \(count) \(what); it needs at least two", at: node.start)
        }
    }

    /// Reports the second of two equal texts in a list.
    private func checkDistinct(_ texts: [String], node: YAMLNode, what: String) {
        var seen = Set<String>()
        guard case .sequence(let items) = node.value else { return }
        for (index, text) in texts.enumerated() where !seen.insert(text).inserted {
            let at = index < items.count ? items[index].start : node.start
            bag.error("duplicate \(what) '\(text)'", at: at, hint: "each \(what) must be different")
        }
    }

    private func decodeChoices(_ node: YAMLNode) -> [Choice]? {
        guard let items = decoder.list(node, field: "choices") else { return nil }
        var texts: [String: SourceLocation] = [:]
        var ids: [String: SourceLocation] = [:]
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
            if let first = ids[id] {
                bag.error("duplicate choice id '\(id)' (first on line \(first.line))", at: item.start)
            }
            ids[id] = ids[id] ?? item.start
            if let text, let textNode = map.value("text") {
                let key = ShortAnswer.normalize(text)
                if let first = texts[key] {
                    bag.error(
                        "duplicate choice text '\(text)' (first on line \(first.line))", at: textNode.start,
                        length: text.count, hint: "each choice must read differently")
                } else {
                    texts[key] = textNode.start
                }
            }
            guard let text, let correct else { return nil }
            return Choice(id: id, text: text, isCorrect: correct, feedback: feedback, location: item.start)
        }
        return choices.count == items.count ? choices : nil
    }

    private func decodePairs(_ node: YAMLNode) -> [MatchPair]? {
        guard let items = decoder.list(node, field: "pairs") else { return nil }
        let pairs = items.compactMap { item -> MatchPair? in
            guard let map = decoder.mapping(item, what: "a pair") else { return nil }
            map.rejectUnknownKeys(allowed: ["left", "right"])
            guard let left = map.requiredText("left"), let right = map.requiredText("right") else { return nil }
            return MatchPair(left: left, right: right)
        }
        return pairs.count == items.count ? pairs : nil
    }
}
