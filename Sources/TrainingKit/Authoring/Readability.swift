import Foundation

/// The Flesch–Kincaid grade level of a text: roughly the years of schooling needed to read it easily.
public struct Readability: Hashable, Sendable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int

    /// `0.39 × words per sentence + 11.8 × syllables per word − 15.59`; 0 for a text without words.
    public var grade: Double {
        guard words > 0 else { return 0 }
        let value = 0.39 * Double(words) / Double(max(1, sentences)) + 11.8 * Double(syllables) / Double(words) - 15.59
        return max(0, value)
    }

    /// The grade rounded to one decimal, as shown to trainers.
    public var gradeText: String { String(format: "%.1f", grade) }

    /// Measures module text (Markdown subset): each paragraph and bullet ends a sentence even without a full stop.
    public static func measure(_ text: String) -> Readability {
        var result = Readability(words: 0, sentences: 0, syllables: 0)
        for block in RichText.parse(text) {
            let spans: [RichText.Span]
            switch block {
            case .paragraph(let s), .bullet(let s): spans = s
            }
            let line = spans.map(\.text).joined()
            var blockWords = 0
            var endedSentence = false
            for token in line.split(whereSeparator: { $0.isWhitespace }) {
                let word = token.filter { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" }
                guard !word.isEmpty else { continue }
                blockWords += 1
                result.syllables += syllableCount(String(word))
                endedSentence = false
                if let last = token.last(where: { !"\"'”’)]*".contains($0) }), ".!?".contains(last) {
                    result.sentences += 1
                    endedSentence = true
                }
            }
            result.words += blockWords
            if blockWords > 0, !endedSentence { result.sentences += 1 }
        }
        return result
    }

    /// Syllables in one word by the usual heuristic: vowel groups, less a silent final e, at least one.
    public static func syllableCount(_ word: String) -> Int {
        var letters = word.lowercased().filter { $0.isLetter && $0.isASCII }
        if letters.isEmpty { return word.contains(where: \.isNumber) ? max(1, word.filter(\.isNumber).count / 2) : 1 }
        if letters.count <= 3 { return 1 }
        for suffix in ["es", "ed"] where letters.hasSuffix(suffix) {
            let before = letters.dropLast(2).last
            if let before, !"aeiouyl".contains(before), !(suffix == "ed" && "td".contains(before)),
                !(suffix == "es" && "scxzgh".contains(before))
            {
                letters.removeLast(2)
            }
            break
        }
        if letters.hasSuffix("e"), !letters.hasSuffix("le"), letters.count > 3 { letters.removeLast() }
        if letters.hasPrefix("y") { letters.removeFirst() }
        var count = 0
        var previousWasVowel = false
        for character in letters {
            let vowel = "aeiouy".contains(character)
            if vowel, !previousWasVowel { count += 1 }
            previousWasVowel = vowel
        }
        return max(1, count)
    }
}
