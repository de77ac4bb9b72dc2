extension ItemLinter {
    /// Rule 1: the correct single-choice option should not give itself away by being the longest.
    func checkOptionLengths(_ questions: [Question], bag: DiagnosticBag) {
        struct Item {
            var question: Question
            var correct: Choice
            var isLongest: Bool
            var ratio: Double?
        }
        var items: [Item] = []
        for question in questions {
            guard case .single(let choices) = question.kind, let correct = choices.first(where: \.isCorrect) else { continue }
            let distractors = choices.filter { !$0.isCorrect }.map { Self.length($0.text) }
            guard let longestDistractor = distractors.max() else { continue }
            let mean = Double(distractors.reduce(0, +)) / Double(distractors.count)
            let length = Self.length(correct.text)
            items.append(Item(question: question, correct: correct, isLongest: length > longestDistractor, ratio: mean > 0 ? Double(length) / mean : nil))
        }
        guard !items.isEmpty else { return }
        let ratios = items.compactMap(\.ratio)
        let meanRatio = ratios.isEmpty ? 1 : ratios.reduce(0, +) / Double(ratios.count)
        let longest = items.filter(\.isLongest)
        let share = Double(longest.count) / Double(items.count)
        if share > longestShareLimit {
            for item in longest {
                bag.warning(
                    "the correct option of question '\(item.question.id)' is the longest, as in \(longest.count) of \(items.count) single-choice questions here (\(Self.percent(share)); the limit is \(Self.percent(longestShareLimit))); correct options are on average \(Self.ratio(meanRatio)) as long as the distractors",
                    at: item.correct.location,
                    hint: "shorten this option or give a distractor as much detail, so that length does not point to the answer")
            }
        }
        if meanRatio > lengthRatioLimit, let worst = items.filter({ $0.ratio != nil }).max(by: { ($0.ratio ?? 0) < ($1.ratio ?? 0) }) {
            bag.warning(
                "correct single-choice options are on average \(Self.ratio(meanRatio)) as long as the distractors (the limit is \(Self.ratio(lengthRatioLimit))); question '\(worst.question.id)' has the largest ratio, \(Self.ratio(worst.ratio ?? 0))",
                at: worst.question.location,
                hint: "shorten the correct options or write distractors of the same length and detail")
        }
    }

    /// Rule 2: always answering "true" (or "false") should not pay.
    func checkTrueFalseBalance(_ questions: [Question], bag: DiagnosticBag) {
        let items: [(question: Question, answer: Bool)] = questions.compactMap { question in
            guard case .trueFalse(let answer) = question.kind else { return nil }
            return (question, answer)
        }
        guard items.count >= trueFalseMinimum else { return }
        let trues = items.filter(\.answer).count
        let share = Double(trues) / Double(items.count)
        guard !trueShareRange.contains(share) else { return }
        let majority = share > trueShareRange.upperBound
        let word = majority ? "true" : "false"
        let count = majority ? trues : items.count - trues
        guard let first = items.first(where: { $0.answer == majority }) else { return }
        bag.warning(
            "\(count) of \(items.count) true/false answers in this module are '\(word)' (\(Self.percent(share)) true; keep it between \(Self.percent(trueShareRange.lowerBound)) and \(Self.percent(trueShareRange.upperBound)))",
            at: first.question.location,
            hint: "rewrite some statements whose answer is '\(word)' so that the answer is '\(majority ? "false" : "true")', starting with '\(first.question.id)'")
    }

    /// Rule 3: ticking every option of a multiple-response item should score less than half.
    func checkTickAll(_ question: Question, bag: DiagnosticBag) {
        guard case .multiple(let choices) = question.kind else { return }
        let right = choices.filter(\.isCorrect).count
        let wrong = choices.count - right
        guard right > 0 else { return }
        let score = Double(max(0, right - wrong)) / Double(right)
        guard score >= tickAllLimit else { return }
        bag.warning(
            "ticking every option of question '\(question.id)' scores \(Self.percent(score)) (\(right) of \(choices.count) options are correct; the limit is below \(Self.percent(tickAllLimit)))",
            at: question.location,
            hint: "add wrong options or make fewer options correct: with \(right) correct, it needs at least \(right / 2 + 1) wrong ones")
    }

    /// Characters a learner reads: the text trimmed.
    static func length(_ text: String) -> Int {
        text.trimmingWhitespace().count
    }
}
