import XCTest

@testable import TrainingKit

/// The near-duplicate check's filters (prefix, size, position) only skip pairs that cannot reach
/// the threshold: on sets full of near-duplicates it finds exactly what comparing every pair finds.
final class NearDuplicateFinderTests: XCTestCase {
    /// A module of true/false questions whose prompts draw from a small vocabulary.
    private func module(_ id: String, questions: Int, random: inout SeededGenerator) throws -> Module {
        let vocabulary = (0..<14).map { "word\(Character(UnicodeScalar(UInt8(97 + $0))))" }
        var yaml = """
            id: \(id)
            version: 1.0.0
            title: Near duplicates
            summary: Generated.
            sources: [Test source]
            objectives:
              - id: spot
                text: Spot the signs
            lessons:
              - id: one
                title: One
                objectives: [spot]
                body: Some text.
            quiz:
              questions:

            """
        for number in 0..<questions {
            let count = 3 + random.below(8)
            let prompt = (0..<count).map { _ in vocabulary[random.below(vocabulary.count)] }.joined(separator: " ")
            yaml += "    - id: q\(number)\n      type: true-false\n      objective: spot\n      prompt: \(prompt)\n      answer: \(number % 2 == 0)\n"
        }
        let result = ModuleLoader().loadModule(source: SourceText(yaml), path: "\(id).yaml", site: nil)
        return try XCTUnwrap(result.module, "\(result.diagnostics.map(\.headline))")
    }

    /// Every pair compared: for each question, the earlier one with the highest overlap at or above the threshold (the first of equals).
    private func bruteForce(_ modules: [Module], threshold: Double) -> [String] {
        var seen: [(name: String, words: Set<String>)] = []
        var found: [String] = []
        for module in modules {
            for question in module.quiz.allQuestions where question.kind.isScored {
                let words = Set(ItemWords.contentWords(question.prompt + " " + NearDuplicateFinder.key(of: question.kind)))
                guard words.count >= NearDuplicateFinder.minimumWords else { continue }
                var best: (name: String, score: Double)?
                for other in seen {
                    let shared = words.intersection(other.words).count
                    let score = Double(shared) / Double(words.count + other.words.count - shared)
                    if score + 1e-9 >= threshold, score > (best?.score ?? 0) { best = (other.name, score) }
                }
                if let best { found.append("\(question.id) \(best.name) \(ItemLinter.percent(best.score))") }
                seen.append(("\(module.id):\(question.id)", words))
            }
        }
        return found
    }

    func testTheFiltersFindExactlyWhatComparingEveryPairFinds() throws {
        var random = SeededGenerator(seed: 42)
        // 720 questions: more than the 512 above which questions are probed on several cores.
        let modules = try (0..<6).map { try module("set\($0)", questions: 120, random: &random) }
        // 0.2: one shared prefix word is all that pairs of 3 words surely have; above, two.
        for threshold in [0.2, 0.3, 0.5, 0.6, 0.75] {
            let found = NearDuplicateFinder(threshold: threshold).diagnostics(for: modules).map { diagnostic in
                // "question 'q7' nearly repeats 'set0:q3' …: 67% of …" → "q7 set0:q3 67%"
                let parts = diagnostic.message.split(separator: "'")
                let percent = diagnostic.message.split(separator: ":").last?.split(separator: " ").first ?? ""
                return "\(parts[1]) \(parts[3]) \(percent)"
            }
            let expected = bruteForce(modules, threshold: threshold)
            XCTAssertGreaterThan(expected.count, 50, "the set must be full of near-duplicates to test the filters")
            XCTAssertEqual(found, expected, "threshold \(threshold)")
        }
    }

    /// At a low threshold two short questions can match on one shared word; the prefix filter must
    /// then ask for one shared prefix word, not two.
    func testOneSharedWordIsEnoughWhenTheThresholdAllowsIt() throws {
        let yaml = """
            id: low
            version: 1.0.0
            title: Low threshold
            summary: Generated.
            sources: [Test source]
            objectives:
              - {id: spot, text: Spot the signs}
            lessons:
              - {id: one, title: One, objectives: [spot], body: Some text.}
            quiz:
              questions:
                - {id: q1, type: single, objective: spot, prompt: apricot bramble, choices: [{text: cinnamon, correct: true}, {text: walnut}]}
                - {id: q2, type: single, objective: spot, prompt: apricot dumpling, choices: [{text: elderberry, correct: true}, {text: walnut}]}
            """
        let module = try XCTUnwrap(ModuleLoader().loadModule(source: SourceText(yaml), path: "low.yaml", site: nil).module)
        XCTAssertEqual(bruteForce([module], threshold: 0.2), ["q2 low:q1 20%"])
        let found = NearDuplicateFinder(threshold: 0.2).diagnostics(for: [module])
        XCTAssertEqual(found.map(\.message), ["question 'q2' nearly repeats 'low:q1': 20% of their key words are shared"])
        XCTAssertTrue(NearDuplicateFinder(threshold: 0.3).diagnostics(for: [module]).isEmpty)
    }
}
