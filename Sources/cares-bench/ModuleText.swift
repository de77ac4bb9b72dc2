import TrainingKit

/// The YAML text of one synthetic module.
struct ModuleText {
    let id: String
    let questions: Int

    /// Domain words, drawn most often.
    static let common = [
        "patient", "privacy", "interpreter", "safety", "consent", "document", "refer", "listen", "support", "visit",
        "companion", "injury", "record", "policy", "respond", "recognise", "report", "trauma", "care", "team",
    ]

    /// A vocabulary shaped like real text: the domain words plus 3,000 made-up words (syllable
    /// pairs and triples), drawn with Zipf-like weights, so that, as in real modules, most words of
    /// a question are rare across a set. (The first generator drew every word from the 20 domain
    /// words, which made nearly every pair of questions a near-duplicate: unlike any real set.)
    static let words: [String] = {
        let syllables = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va", "we", "xi", "yo", "zu"]
        var made: [String] = []
        for first in syllables {
            for second in syllables {
                made.append(first + second + "n")
                for third in syllables.prefix(6) { made.append(first + second + third + "r") }
            }
        }
        return common + made.prefix(3_000)
    }()

    /// Cumulative Zipf weights (1/rank) over `words`, for drawing by binary search.
    static let cumulative: [Double] = {
        var total = 0.0
        return words.indices.map { rank in
            total += 1 / Double(rank + 1)
            return total
        }
    }()

    /// A word drawn with Zipf-like weights.
    func word(_ random: inout SeededGenerator) -> String {
        let total = Self.cumulative[Self.cumulative.count - 1]
        let target = Double(random.below(1 << 30)) / Double(1 << 30) * total
        var low = 0
        var high = Self.cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if Self.cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return Self.words[low]
    }

    func sentence(_ random: inout SeededGenerator, words count: Int) -> String {
        let text = (0..<count).map { _ in word(&random) }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    func yaml(_ random: inout SeededGenerator) -> String {
        var out = """
            id: \(id)
            version: 1.0.0
            title: "Benchmark module \(id)"
            summary: "\(sentence(&random, words: 12))"
            audience: [emergency, nursing]
            estimated_minutes: 20
            content_warning: "\(sentence(&random, words: 8))"
            pass_mark: 80
            valid_for_days: 365
            sources: ["Synthetic benchmark data"]
            objectives:
              - id: objective-a
                text: "\(sentence(&random, words: 8))"
              - id: objective-b
                text: "\(sentence(&random, words: 8))"
            lessons:

            """
        for lesson in 0..<3 {
            out += "  - id: lesson-\(lesson)\n    title: \"\(sentence(&random, words: 4))\"\n    objectives: [objective-a, objective-b]\n    body: |\n"
            for _ in 0..<4 { out += "      \(sentence(&random, words: 14)) Contact {{site.safeguarding_lead}}.\n\n" }
        }
        out += "quiz:\n  draw: \(max(1, questions / 2))\n  shuffle: true\n  questions:\n"
        for number in 0..<questions {
            let objective = number % 2 == 0 ? "objective-a" : "objective-b"
            let head = "    - id: q\(number)\n      objective: \(objective)\n      prompt: \"\(sentence(&random, words: 16))\"\n      explanation: \"\(sentence(&random, words: 10))\"\n"
            switch number % 6 {
            case 0, 1:
                out += head + "      type: single\n      hint: \"\(sentence(&random, words: 5))\"\n      choices:\n"
                for choice in 0..<4 {
                    out += "        - text: \"Choice \(choice) \(sentence(&random, words: 6))\"\n"
                    if choice == 0 { out += "          correct: true\n" }
                    out += "          feedback: \"\(sentence(&random, words: 9))\"\n"
                }
            case 2:
                out += head + "      type: multiple\n      choices:\n"
                for choice in 0..<4 {
                    out += "        - {text: \"Option \(choice) \(sentence(&random, words: 5))\", correct: \(choice < 2), feedback: \"\(sentence(&random, words: 7))\"}\n"
                }
            case 3:
                out += head + "      type: true-false\n      answer: \(random.below(2) == 0)\n      feedback: {correct: \"\(sentence(&random, words: 6))\", incorrect: \"\(sentence(&random, words: 6))\"}\n"
            case 4:
                out += head + "      type: order\n      items: [\"First step\", \"Second step\", \"Third step\", \"Fourth step\"]\n      feedback: \"\(sentence(&random, words: 8))\"\n"
            default:
                out += head + "      type: matching\n      pairs:\n        - {left: \"Interpreter\", right: \"Interprets everything\"}\n        - {left: \"Clinician\", right: \"Explains confidentiality\"}\n        - {left: \"Social worker\", right: \"Plans for safety\"}\n"
            }
        }
        return out
    }
}
