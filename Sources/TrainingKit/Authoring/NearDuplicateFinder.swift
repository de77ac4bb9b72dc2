/// Finds questions that ask nearly the same thing: the Jaccard overlap of their key words (prompt and key) reaches a threshold.
///
/// A set of thousands of modules is not compared pair by pair (PPJoin). Words become numbers,
/// rarest first, and each question keeps its words as a sorted array. Two questions that share
/// `α = ⌈t/(1+t)·(n+m)⌉` words share at least `ℓ` of the first `n − α + ℓ` of each one's words
/// (the ℓ-prefix: at most `n − α` words that are not shared can come before the ℓ rarest shared),
/// so they are compared only if their prefixes share `ℓ` words (`ℓ` is 2 when every pair needs
/// at least 2 shared words, else 1; most pairs share one rare word by chance), if their sizes are
/// within a factor `t` of each other, and if the words shared so far plus the shorter remainder
/// after a shared word can still make `α`. Only the pairs left are compared, by merging their
/// arrays, stopping as soon as the threshold is out of reach. Sets are joined in order of size, so
/// each is indexed under a shorter prefix (`n − ⌈2t/(1+t)·n⌉ + ℓ` words, enough against any set
/// at least as large) and probed with `n − ⌈t·n⌉ + ℓ`, on all cores; each question then names the
/// closest of the questions before it in module order.
struct NearDuplicateFinder {
    var threshold: Double
    /// Questions with fewer key words are too short to compare.
    static let minimumWords = 3

    private struct Item: Sendable {
        var module: Module
        var question: Question
        /// Word numbers, ascending: rarest first.
        var words: [Int32]
    }

    /// One warning per question that repeats an earlier one (in module order), naming the closest earlier question.
    func diagnostics(for modules: [Module]) -> [Diagnostic] {
        let items = Self.items(modules)
        // Questions with the same words match the first of them exactly; only that one is indexed
        // and probed, so copies of a module do not make the candidate lists grow with every copy.
        var firstWithWords: [[Int32]: Int] = [:]
        var sameAs = [Int?](repeating: nil, count: items.count)
        for (position, item) in items.enumerated() {
            if let first = firstWithWords[item.words] { sameAs[position] = first } else { firstWithWords[item.words] = position }
        }
        // The distinct word sets in order of size (then module order). Each is compared with those
        // before it in this order, which are no larger, so only their index prefix (PPJoin:
        // n − ⌈2t/(1+t)·n⌉ + 1 words) needs to be in the index.
        let distinct = items.indices.filter { sameAs[$0] == nil }.sorted {
            (items[$0].words.count, $0) < (items[$1].words.count, $1)
        }
        // Word number → the sets with that word in their index prefix, in rank order, with the word's
        // position in each and each one's size (kept here so that the filters read no item).
        let wordCount = items.reduce(0) { max($0, Int($1.words.last ?? -1) + 1) }
        var index: [[Entry]] = Array(repeating: [], count: wordCount)
        for (rank, position) in distinct.enumerated() {
            let words = items[position].words
            for (offset, word) in indexPrefix(words).enumerated() {
                index[Int(word)].append(Entry(item: Int32(rank), position: Int32(offset), size: Int32(words.count)))
            }
        }
        // Sets are probed on all cores, dealt out in turn (later ones have more to compare with);
        // each lane keeps, per question, the closest earlier question (in module order) it found.
        let lanes = distinct.count < 512 ? 1 : 8
        let lists = index
        let sets = WordSets(distinct.map { items[$0].words })
        let closest = ModuleCatalog.concurrentMap(Array(0..<lanes)) { lane -> [Int: (other: Int, score: Double)] in
            var probe = Probe(count: distinct.count)
            var closest: [Int: (other: Int, score: Double)] = [:]
            for rank in stride(from: lane, to: distinct.count, by: lanes) {
                for (otherRank, score) in similar(rank, sets: sets, index: lists, probe: &probe) {
                    let (one, two) = (distinct[rank], distinct[otherRank])
                    let (later, earlier) = one > two ? (one, two) : (two, one)
                    if Self.closer((earlier, score), than: closest[later]) { closest[later] = (earlier, score) }
                }
            }
            return closest
        }
        var found: [(position: Int, other: Int, score: Double)] = []
        for (position, first) in sameAs.enumerated() {
            if let first {
                found.append((position, first, 1))
                continue
            }
            var best: (other: Int, score: Double)?
            for lane in closest { if let match = lane[position], Self.closer(match, than: best) { best = match } }
            if let best { found.append((position, best.other, best.score)) }
        }
        return found.map { match in
            let (item, other) = (items[match.position], items[match.other])
            let name = "\(other.module.id):\(other.question.id)"
            let place = other.module.path == item.module.path ? "" : " (\(other.module.path):\(other.question.location))"
            return Diagnostic(
                .warning, file: item.module.path, at: item.question.location,
                "question '\(item.question.id)' nearly repeats '\(name)'\(place): \(ItemLinter.percent(match.score)) of their key words are shared",
                hint: "ask about something else or remove one; a learner who has seen one can answer the other from memory")
        }
    }

    /// The distinct word sets in rank order, end to end in one array, so that comparing two reads
    /// two runs of one buffer instead of following each item to its own array.
    private struct WordSets: Sendable {
        var words: [Int32] = []
        /// Where each rank's words start; one more entry than there are sets.
        var starts: [Int] = [0]

        init(_ sets: [[Int32]]) {
            words.reserveCapacity(sets.reduce(0) { $0 + $1.count })
            for set in sets {
                words.append(contentsOf: set)
                starts.append(words.count)
            }
        }

        func range(_ rank: Int) -> Range<Int> { starts[rank]..<starts[rank + 1] }
    }

    /// One item's place in a word's list.
    private struct Entry: Sendable {
        var item: Int32
        var position: Int32
        var size: Int32
    }

    /// Per earlier item, for the item being probed: when it was last seen (the probing rank), the
    /// words shared so far, and whether it is ruled out; one array, so a visit touches one place.
    private struct Probe {
        struct Mark {
            var stamp: Int32 = -1
            var shared: Int32 = 0
            var ruledOut = false
        }
        var marks: [Mark]
        var candidates: [Int] = []
        /// Shared words needed against an earlier set of each size, for the set being probed.
        var needed: [Int] = []

        init(count: Int) {
            marks = Array(repeating: Mark(), count: count)
        }
    }

    /// The sets before `rank` (in size order) at or above the threshold with it, and their scores.
    private func similar(_ rank: Int, sets: WordSets, index: [[Entry]], probe: inout Probe) -> [(Int, Double)] {
        let words = sets.range(rank)
        let size = words.count
        // Sizes that can reach the threshold: t·n ≤ m (and m ≤ n, as earlier sets are no larger);
        // against each, the overlap that makes the threshold: ⌈t/(1+t)·(n+m)⌉.
        let smallest = Int((Double(size) * threshold - 1e-9).rounded(.up))
        let share = threshold / (1 + threshold)
        probe.needed.removeAll(keepingCapacity: true)
        for otherSize in 0...size {
            probe.needed.append(Int((share * Double(size + otherSize) - 1e-9).rounded(.up)))
        }
        probe.candidates.removeAll(keepingCapacity: true)
        let inPrefix = sharedInPrefix
        let stamp = Int32(truncatingIfNeeded: rank)
        for offset in 0..<prefixLength(size) {
            for entry in index[Int(sets.words[words.lowerBound + offset])] {
                let other = Int(entry.item)
                if other >= rank { break }
                let otherSize = Int(entry.size)
                guard otherSize >= smallest else { continue }
                if probe.marks[other].stamp != stamp {
                    probe.marks[other] = Probe.Mark(stamp: stamp, shared: 0, ruledOut: false)
                    probe.candidates.append(other)
                }
                guard !probe.marks[other].ruledOut else { continue }
                // Words are in one global order, so every shared word before this one has been
                // counted, and at most the shorter of the two remainders can follow.
                let bound = Int(probe.marks[other].shared) + 1 + min(size - offset - 1, otherSize - Int(entry.position) - 1)
                if bound >= probe.needed[otherSize] { probe.marks[other].shared += 1 } else { probe.marks[other].ruledOut = true }
            }
        }
        var similar: [(Int, Double)] = []
        sets.words.withUnsafeBufferPointer { all in
            for other in probe.candidates where !probe.marks[other].ruledOut && probe.marks[other].shared >= inPrefix {
                let otherWords = sets.range(other)
                guard let common = Self.sharedCount(
                    UnsafeBufferPointer(rebasing: all[words]), UnsafeBufferPointer(rebasing: all[otherWords]),
                    atLeast: probe.needed[otherWords.count])
                else { continue }
                let score = Double(common) / Double(size + otherWords.count - common)
                if score + 1e-9 >= threshold { similar.append((other, score)) }
            }
        }
        return similar
    }

    /// Whether `match` is closer than `best`: a higher score, or the same score and an earlier question.
    private static func closer(_ match: (other: Int, score: Double), than best: (other: Int, score: Double)?) -> Bool {
        guard let best else { return true }
        return match.score > best.score || (match.score == best.score && match.other < best.other)
    }

    /// The words a set is probed with, enough to find every earlier set it can match: `n − ⌈t·n⌉ + ℓ`.
    private func prefixLength(_ count: Int) -> Int {
        min(count, count - minimumOverlap(count) + sharedInPrefix)
    }

    /// ℓ: the words two questions that reach the threshold surely share in their prefixes; 2 when
    /// even the smallest pair must share two words, else 1.
    private var sharedInPrefix: Int {
        let share = threshold / (1 + threshold)
        return Int((share * Double(2 * Self.minimumWords) - 1e-9).rounded(.up)) >= 2 ? 2 : 1
    }

    /// The words a set is indexed under, enough against any set at least as large: the first
    /// `n − ⌈2t/(1+t)·n⌉ + ℓ` (PPJoin's index prefix).
    private func indexPrefix(_ words: [Int32]) -> ArraySlice<Int32> {
        let overlap = max(1, Int((2 * threshold / (1 + threshold) * Double(words.count) - 1e-9).rounded(.up)))
        return words.prefix(min(words.count, words.count - overlap + sharedInPrefix))
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

    /// How many numbers two ascending arrays share, or nil as soon as fewer than `needed` are possible.
    private static func sharedCount(
        _ left: UnsafeBufferPointer<Int32>, _ right: UnsafeBufferPointer<Int32>, atLeast needed: Int
    ) -> Int? {
        var i = 0
        var j = 0
        var shared = 0
        while i < left.count, j < right.count {
            if shared + min(left.count - i, right.count - j) < needed { return nil }
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
        return shared >= needed ? shared : nil
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
