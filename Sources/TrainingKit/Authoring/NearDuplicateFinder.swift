/// Finds questions that ask nearly the same thing: the Jaccard overlap of their key words (prompt and key) reaches a threshold.
///
/// Uses prefix filtering, so a set of thousands of modules is not compared pair by pair: each
/// question's words are ordered rarest first, and two questions can only reach the threshold if
/// the first `n − ⌈t·n⌉ + 1` of them share a word.
struct NearDuplicateFinder {
    var threshold: Double
    /// Questions with fewer key words are too short to compare.
    static let minimumWords = 3

    private struct Item {
        var module: Module
        var question: Question
        var words: Set<String>
    }

    /// One warning per question that repeats an earlier one (in module order), naming the closest earlier question.
    func diagnostics(for modules: [Module]) -> [Diagnostic] {
        var items: [Item] = []
        for module in modules {
            for question in module.quiz.allQuestions where question.kind.isScored {
                let words = Set(ItemWords.contentWords(question.prompt + " " + Self.key(of: question.kind)))
                if words.count >= Self.minimumWords { items.append(Item(module: module, question: question, words: words)) }
            }
        }
        var frequency: [String: Int] = [:]
        for item in items { for word in item.words { frequency[word, default: 0] += 1 } }

        var index: [String: [Int]] = [:]
        // Questions with the same words match the first of them exactly; only that one is indexed,
        // so copies of a module do not make the candidate lists grow with every copy.
        var firstWithWords: [Set<String>: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for (position, item) in items.enumerated() {
            var best: (other: Int, score: Double)?
            let ordered = item.words.sorted { (frequency[$0] ?? 0, $0) < (frequency[$1] ?? 0, $1) }
            let prefix = ordered.prefix(ordered.count - minimumOverlap(ordered.count) + 1)
            if let same = firstWithWords[item.words] {
                best = (same, 1)
            } else {
                firstWithWords[item.words] = position
                var candidates = Set<Int>()
                for word in prefix { candidates.formUnion(index[word] ?? []) }
                for other in candidates.sorted() {
                    let shared = item.words.intersection(items[other].words).count
                    let score = Double(shared) / Double(item.words.count + items[other].words.count - shared)
                    if score + 1e-9 >= threshold, score > (best?.score ?? 0) { best = (other, score) }
                }
                for word in prefix { index[word, default: []].append(position) }
            }
            if let best {
                let other = items[best.other]
                let name = "\(other.module.id):\(other.question.id)"
                let place = other.module.path == item.module.path ? "" : " (\(other.module.path):\(other.question.location))"
                diagnostics.append(
                    Diagnostic(
                        .warning, file: item.module.path, at: item.question.location,
                        "question '\(item.question.id)' nearly repeats '\(name)'\(place): \(ItemLinter.percent(best.score)) of their key words are shared",
                        hint: "ask about something else or remove one; a learner who has seen one can answer the other from memory"))
            }
        }
        return diagnostics
    }

    /// The fewest shared words two sets of this size need: ⌈t·n⌉.
    private func minimumOverlap(_ count: Int) -> Int {
        max(1, Int((threshold * Double(count) - 1e-9).rounded(.up)))
    }

    /// The text of what a question accepts as right.
    static func key(of kind: QuestionKind) -> String {
        switch kind {
        case .single(let choices), .multiple(let choices): return choices.filter(\.isCorrect).map(\.text).joined(separator: " ")
        case .trueFalse(let answer): return answer ? "true" : "false"
        case .order(let items): return items.joined(separator: " ")
        case .matching(let pairs): return pairs.map { $0.left + " " + $0.right }.joined(separator: " ")
        case .short(let accept): return accept.first ?? ""
        case .reflection: return ""
        }
    }
}
