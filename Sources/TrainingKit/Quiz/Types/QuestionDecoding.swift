/// What a question type needs to read its own keys: the question's mapping, the node decoder and the question's label.
struct QuestionDecoding {
    let map: MappingReader
    let decoder: NodeDecoder
    /// How diagnostics name the question: "question 'q1'" or "a question".
    let label: String

    var bag: DiagnosticBag { decoder.bag }

    /// Reports a list with fewer than `minimum` entries.
    func checkAtLeast(_ minimum: Int, count: Int, what: String, node: YAMLNode) {
        if count < minimum {
            bag.error("\(label) has \(count) \(what); it needs at least \(Self.word(minimum))", at: node.start)
        }
    }

    /// Reports the second of two equal texts in a list.
    func checkDistinct(_ texts: [String], node: YAMLNode, what: String) {
        var seen = Set<String>()
        guard case .sequence(let items) = node.value else { return }
        for (index, text) in texts.enumerated() where !seen.insert(text).inserted {
            let at = index < items.count ? items[index].start : node.start
            bag.error("duplicate \(what) '\(text)'", at: at, hint: "each \(what) must be different")
        }
    }

    /// A small count in words, as messages write it.
    static func word(_ count: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five"]
        return words.indices.contains(count) ? words[count] : String(count)
    }
}
