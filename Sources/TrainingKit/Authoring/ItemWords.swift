/// The words of item text as the item-writing lint compares them: lowercased, split at anything but letters,
/// digits, and apostrophes or hyphens inside a word ("isn't", "self-help").
enum ItemWords {
    /// Every word of a text, lowercased, in order; apostrophes inside a word are kept ("isn't").
    static func words(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        var result: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "’" || character == "-", !current.isEmpty {
                current.append(character == "-" ? "-" : "'")
            } else if !current.isEmpty {
                result.append(trimmed(current))
                current = ""
            }
        }
        if !current.isEmpty { result.append(trimmed(current)) }
        return result.filter { !$0.isEmpty }
    }

    /// `words` for ASCII text, on its bytes: the same words without Character handling.
    private static func asciiWords(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        func flush() {
            while let last = current.last, last == 0x27 || last == 0x2D { current.removeLast() }
            if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            let lower = byte | 0x20
            if lower >= 0x61, lower <= 0x7A {
                current.append(lower)
            } else if byte >= 0x30, byte <= 0x39 {
                current.append(byte)
            } else if byte == 0x27 || byte == 0x2D, !current.isEmpty {
                current.append(byte)
            } else if !current.isEmpty {
                flush()
            }
        }
        if !current.isEmpty { flush() }
        return result
    }

    /// The words that carry meaning: not stop words, at least two characters, without a possessive "'s".
    static func contentWords(_ text: String, minimumLength: Int = 2) -> [String] {
        words(text).compactMap { word in
            let bare: String
            if word.hasSuffix("'s") {
                bare = String(word.dropLast(2))
            } else if word.utf8.contains(0x27) {
                bare = String(word.filter { $0 != "'" })
            } else {
                bare = word
            }
            guard bare.count >= minimumLength, !stopWords.contains(bare), bare == word || !stopWords.contains(word) else { return nil }
            return bare
        }
    }

    /// Whether `needle`'s words occur as a run of whole words in `haystack`.
    static func contains(_ haystack: String, phrase needle: String) -> Bool {
        let wanted = words(needle)
        guard !wanted.isEmpty else { return false }
        return (" " + words(haystack).joined(separator: " ") + " ").contains(" " + wanted.joined(separator: " ") + " ")
    }

    /// A crude stem, so that "trafficked" and "trafficking" count as one word: drops -ing, -ed, -es or -s
    /// when at least four letters remain.
    static func stem(_ word: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where word.hasSuffix(suffix) && word.count - suffix.count >= 4 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    private static func trimmed(_ word: String) -> String {
        var word = Substring(word)
        while word.last == "'" || word.last == "-" { word = word.dropLast() }
        return String(word)
    }

    /// Common English words that say nothing about a question's subject.
    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "best", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "done", "down", "during", "each", "else", "even", "ever", "every", "few", "first",
        "for", "from", "further", "get", "gets", "give", "go", "had", "has", "have", "having", "he", "her", "here", "hers",
        "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less", "like", "make",
        "many", "may", "me", "might", "more", "most", "much", "must", "my", "need", "needs", "next", "no", "nor", "not",
        "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own",
        "per", "quite", "rather", "really", "right", "same", "say", "says", "she", "should", "since", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "thing", "things",
        "this", "those", "through", "to", "too", "true", "false", "under", "until", "up", "upon", "us", "use", "used",
        "very", "was", "way", "we", "well", "were", "what", "when", "where", "which", "while", "who", "whom", "whose",
        "why", "will", "with", "within", "without", "would", "yes", "yet", "you", "your", "yours", "yourself",
        "statement", "question", "answer", "option", "options", "pick", "choose", "select", "tick", "following",
        "likely", "describes", "correct", "order", "match", "type", "word", "words",
    ]
}
