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
            if line.utf8.allSatisfy({ $0 < 0x80 }) {
                measureASCII(line, into: &result, words: &blockWords, endedSentence: &endedSentence)
                result.words += blockWords
                if blockWords > 0, !endedSentence { result.sentences += 1 }
                continue
            }
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

    /// `measure`'s count for one line of ASCII text, on its bytes (the same rules, without Characters).
    private static func measureASCII(_ line: String, into result: inout Readability, words: inout Int, endedSentence: inout Bool) {
        var line = line
        line.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            var letters: [UInt8] = []
            letters.reserveCapacity(32)
            while index < count {
                while index < count, isASCIIWhitespace(bytes[index]) { index += 1 }
                guard index < count else { break }
                let start = index
                while index < count, !isASCIIWhitespace(bytes[index]) { index += 1 }
                // The word: letters, digits and apostrophes of the token.
                var kept = 0
                var digits = 0
                letters.removeAll(keepingCapacity: true)
                for position in start..<index {
                    let byte = bytes[position]
                    if isASCIILetter(byte) {
                        kept += 1
                        letters.append(byte | 0x20)
                    } else if byte >= 0x30, byte <= 0x39 {
                        kept += 1
                        digits += 1
                    } else if byte == 0x27 {
                        kept += 1
                    }
                }
                guard kept > 0 else { continue }
                words += 1
                result.syllables += letters.isEmpty ? (digits > 0 ? max(1, digits / 2) : 1) : syllableCount(asciiLetters: &letters)
                endedSentence = false
                var last = index - 1
                // Closing quotes, brackets and asterisks after a full stop still end the sentence.
                while last >= start, [0x22, 0x27, 0x29, 0x5D, 0x2A].contains(bytes[last]) { last -= 1 }
                if last >= start, bytes[last] == 0x2E || bytes[last] == 0x21 || bytes[last] == 0x3F {
                    result.sentences += 1
                    endedSentence = true
                }
            }
        }
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// `syllableCount` for a word already reduced to lowercase ASCII letters (not empty).
    static func syllableCount(asciiLetters letters: inout [UInt8]) -> Int {
        if letters.count <= 3 { return 1 }
        func isVowel(_ byte: UInt8) -> Bool { byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79 }
        let n = letters.count
        let last = letters[n - 1]
        let secondLast = letters[n - 2]
        if secondLast == 0x65, last == 0x73 || last == 0x64 {  // "es" or "ed"
            let before = n >= 3 ? letters[n - 3] : nil
            if let before, !(isVowel(before) || before == 0x6C),
                !(last == 0x64 && (before == 0x74 || before == 0x64)),
                !(last == 0x73 && [0x73, 0x63, 0x78, 0x7A, 0x67, 0x68].contains(before))
            {
                letters.removeLast(2)
            }
        }
        if letters.last == 0x65, !(letters.count >= 2 && letters[letters.count - 2] == 0x6C), letters.count > 3 { letters.removeLast() }
        var start = 0
        if letters.first == 0x79 { start = 1 }
        var count = 0
        var previousWasVowel = false
        for position in start..<letters.count {
            let vowel = isVowel(letters[position])
            if vowel, !previousWasVowel { count += 1 }
            previousWasVowel = vowel
        }
        return max(1, count)
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
