/// Finds questions that ask nearly the same thing: the Jaccard overlap of their key words (prompt and key) reaches a threshold.
///
/// A set of thousands of modules is not compared pair by pair (PPJoin). Words become numbers,
/// rarest first, and each question keeps its words as a sorted array; two questions can only reach
/// the threshold if the first `n − ⌈t·n⌉ + 1` of their words (the prefix) share one, if their sizes
/// are within a factor `t` of each other, and if the words shared so far plus the shorter remainder
/// after a shared word can still make `t/(1+t)·(n+m)`. Only the pairs left are compared, by merging
/// their arrays.
struct NearDuplicateFinder {
    var threshold: Double
    /// Questions with fewer key words are too short to compare.
    static let minimumWords = 3

    private struct Item {
        var module: Module
        var question: Question
        /// Word numbers, ascending: rarest first.
        var words: [Int32]
    }

    /// One warning per question that repeats an earlier one (in module order), naming the closest earlier question.
    func diagnostics(for modules: [Module]) -> [Diagnostic] {
        let items = Self.items(modules)
        let wordCount = items.reduce(0) { max($0, Int($1.words.last ?? -1) + 1) }
        // Word number → the items with that word in their prefix, the word's position in each and
        // each one's size (kept here so that the filters read no item).
        var index: [[(item: Int32, position: Int32, size: Int32)]] = Array(repeating: [], count: wordCount)
        // Questions with the same words match the first of them exactly; only that one is indexed,
        // so copies of a module do not make the candidate lists grow with every copy.
        var firstWithWords: [[Int32]: Int] = [:]
        // Per earlier item, for the question being probed: seen (stamp), words shared so far, ruled out.
        var stamp = Array(repeating: -1, count: items.count)
        var shared = Array(repeating: 0, count: items.count)
        var ruledOut = Array(repeating: false, count: items.count)
        var candidates: [Int] = []
        var diagnostics: [Diagnostic] = []
        let share = threshold / (1 + threshold)
        for (position, item) in items.enumerated() {
            var best: (other: Int, score: Double)?
            let size = item.words.count
            let prefix = item.words.prefix(size - minimumOverlap(size) + 1)
            if let same = firstWithWords[item.words] {
                best = (same, 1)
            } else {
                firstWithWords[item.words] = position
                // Sizes that can reach the threshold: t·n ≤ m ≤ n/t.
                let smallest = Double(size) * threshold - 1e-9
                let largest = Double(size) / threshold + 1e-9
                candidates.removeAll(keepingCapacity: true)
                for (offset, word) in prefix.enumerated() {
                    for entry in index[Int(word)] {
                        let otherSize = Int(entry.size)
                        guard Double(otherSize) >= smallest, Double(otherSize) <= largest else { continue }
                        let other = Int(entry.item)
                        if stamp[other] != position {
                            stamp[other] = position
                            shared[other] = 0
                            ruledOut[other] = false
                            candidates.append(other)
                        }
                        guard !ruledOut[other] else { continue }
                        // Words are in one global order, so every shared word before this one has been
                        // counted, and at most the shorter of the two remainders can follow.
                        let needed = Int((share * Double(size + otherSize) - 1e-9).rounded(.up))
                        let bound = shared[other] + 1 + min(size - offset - 1, otherSize - Int(entry.position) - 1)
                        if bound >= needed { shared[other] += 1 } else { ruledOut[other] = true }
                    }
                }
                candidates.sort()
                for other in candidates where !ruledOut[other] {
                    let otherWords = items[other].words
                    let common = Self.sharedCount(item.words, otherWords)
                    let score = Double(common) / Double(size + otherWords.count - common)
                    if score + 1e-9 >= threshold, score > (best?.score ?? 0) { best = (other, score) }
                }
                for (offset, word) in prefix.enumerated() { index[Int(word)].append((Int32(position), Int32(offset), Int32(size))) }
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

    /// The scored questions with enough key words, each with its words numbered rarest first
    /// (ties by the word itself, so the numbering is the same on every run).
    private static func items(_ modules: [Module]) -> [Item] {
        // Each module's questions and their words, on all cores; then counted in module order.
        let perModule = ModuleCatalog.concurrentMap(modules) { module in
            module.quiz.allQuestions.compactMap { question -> (question: Question, words: Set<String>)? in
                guard question.kind.isScored else { return nil }
                let words = Set(ItemWords.contentWords(question.prompt + " " + Self.key(of: question.kind)))
                return words.count >= minimumWords ? (question, words) : nil
            }
        }
        var texts: [(module: Module, question: Question, words: Set<String>)] = []
        var frequency: [String: Int] = [:]
        for (module, questions) in zip(modules, perModule) {
            for (question, words) in questions {
                texts.append((module, question, words))
                for word in words { frequency[word, default: 0] += 1 }
            }
        }
        let ordered = frequency.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        var number: [String: Int32] = [:]
        number.reserveCapacity(ordered.count)
        for (position, entry) in ordered.enumerated() { number[entry.key] = Int32(position) }
        return texts.map { text in
            Item(module: text.module, question: text.question, words: text.words.compactMap { number[$0] }.sorted())
        }
    }

    /// How many numbers two ascending arrays share.
    private static func sharedCount(_ left: [Int32], _ right: [Int32]) -> Int {
        var i = 0
        var j = 0
        var shared = 0
        while i < left.count, j < right.count {
            if left[i] == right[j] {
                shared += 1
                i += 1
                j += 1
            } else if left[i] < right[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
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
