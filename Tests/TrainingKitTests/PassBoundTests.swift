import Foundation
import XCTest

@testable import TrainingKit

/// `PassBound`: a proven bound on how often a strategy passes, which lets validate skip playing
/// modules no strategy can game.
final class PassBoundTests: XCTestCase {
    /// A module's fields before its quiz, with one objective and one lesson.
    private static func head(_ id: String, passMark: Int) -> String {
        """
        id: \(id)
        version: 1.0.0
        title: Module \(id)
        summary: A quiz for the pass bound.
        pass_mark: \(passMark)
        sources: [Test source]
        objectives:
          - {id: signs, text: Recognise signs}
        lessons:
          - {id: signs, title: Signs, objectives: [signs], body: Some text.}

        """
    }

    /// A small random quiz: single, multiple, true/false, order, matching, short answers and a
    /// scenario, with random points, pass mark, `draw` and `shuffle`, and options of random
    /// lengths (with ties), so that test-wise strategies pass it anywhere from never to always.
    private func randomModule(_ seed: UInt64) throws -> Module {
        var random = SeededGenerator(seed: seed)
        let units = 2 + random.below(7)
        let draw = random.below(3) == 0 ? 1 + random.below(units) : nil
        var yaml = Self.head("bound-\(seed)", passMark: 50 + 5 * random.below(10)) + """
            quiz:
              shuffle: \(random.below(4) != 0)
            \(draw.map { "  draw: \($0)\n" } ?? "")  questions:

            """
        func word(_ length: Int) -> String { String(repeating: "x", count: max(1, length)) }
        func question(_ id: String, indent: String) -> String {
            var text = "\(indent)- id: \(id)\n\(indent)  objective: signs\n\(indent)  prompt: Question \(id)?\n"
            if random.below(3) == 0 { text += "\(indent)  points: \(1 + random.below(3))\n" }
            switch random.below(7) {
            case 0, 1:
                let count = 2 + random.below(4)
                let key = random.below(count)
                text += "\(indent)  type: single\n\(indent)  choices:\n"
                for option in 0..<count {
                    text += "\(indent)    - {text: \"\(word(random.below(4)))\(option)\"\(option == key ? ", correct: true" : "")}\n"
                }
            case 2:
                let count = 2 + random.below(4)
                var keys = (0..<count).filter { _ in random.below(2) == 0 }
                if keys.isEmpty { keys = [random.below(count)] }
                text += "\(indent)  type: multiple\n\(indent)  choices:\n"
                for option in 0..<count {
                    text += "\(indent)    - {text: \"\(word(random.below(4)))\(option)\"\(keys.contains(option) ? ", correct: true" : "")}\n"
                }
            case 3:
                text += "\(indent)  type: true-false\n\(indent)  answer: \(random.below(2) == 0)\n"
            case 4:
                let items = (0..<(2 + random.below(3))).map { "\"Step \($0)\"" }
                text += "\(indent)  type: order\n\(indent)  items: [\(items.joined(separator: ", "))]\n"
            case 5:
                text += "\(indent)  type: matching\n\(indent)  pairs:\n"
                for pair in 0..<(2 + random.below(2)) { text += "\(indent)    - {left: \"Left \(pair)\", right: \"Right \(pair)\"}\n" }
            default:
                text += "\(indent)  type: short\n\(indent)  accept: [\"word\"]\n"
            }
            return text
        }
        for unit in 0..<units {
            if random.below(5) == 0 {
                yaml += "    - scenario:\n        id: scene-\(unit)\n        title: A scene\n        text: A scene.\n        questions:\n"
                for part in 0..<2 { yaml += question("u\(unit)-\(part)", indent: "          ") }
            } else {
                yaml += question("u\(unit)", indent: "    ")
            }
        }
        let result = ModuleLoader().loadModule(source: SourceText(yaml), path: "bound-\(seed).yaml", site: nil)
        return try XCTUnwrap(result.module, result.diagnostics.map(\.headline).joined(separator: "\n") + "\n" + yaml)
    }

    /// The bound is never below the pass rate of 1,000 played draws (allowing for sampling error),
    /// on 80 random quizzes and every strategy; and quizzes it rules out are never passed.
    func testTheBoundIsNeverBelowThePlayedPassRate() throws {
        let runs = 1_000
        var ruledOut = 0
        var passed = 0
        for seed in 1...80 as ClosedRange<UInt64> {
            let module = try randomModule(seed)
            let audit = QuizAudit(runs: runs).audit(module)
            var marks = PassBound.Marks(module)
            for played in audit.strategies {
                let bound = try XCTUnwrap(PassBound(module, strategy: played.strategy, marks: &marks)).value()
                let rate = played.passProbability
                let error = 4 * (rate * (1 - rate) / Double(runs)).squareRoot() + 2 / Double(runs)
                XCTAssertGreaterThanOrEqual(bound, rate - error, "seed \(seed), \(played.strategy.name)")
                if bound <= PassBound.negligible {
                    XCTAssertEqual(rate, 0, "seed \(seed), \(played.strategy.name): ruled out but passed")
                }
            }
            if PassBound.rulesOut(module, strategies: AuditStrategy.allCases) { ruledOut += 1 }
            if audit.isGameable { passed += 1 }
        }
        // The random quizzes reach both sides, so both directions were checked.
        XCTAssertGreaterThan(ruledOut, 3)
        XCTAssertGreaterThan(passed, 10)
    }

    /// When one unit in ten is drawn, one easy unit is enough to pass a tenth of the time: the
    /// bound must see the draw, not just the average question.
    func testTheBoundCountsTheUnitsDrawn() throws {
        var yaml = Self.head("one-in-ten", passMark: 80) + """
            quiz:
              draw: 1
              shuffle: true
              questions:
                - {id: easy, objective: signs, prompt: Easy?, type: true-false, answer: true}

            """
        for number in 1...9 {
            yaml += "    - {id: hard-\(number), objective: signs, prompt: Hard?, type: order, items: [a, b, c, d, e]}\n"
        }
        let module = try XCTUnwrap(ModuleLoader().loadModule(source: SourceText(yaml), path: "one-in-ten.yaml", site: nil).module)
        var marks = PassBound.Marks(module)
        // `first` types "true": it passes exactly when the true/false item is the one drawn.
        let bound = try XCTUnwrap(PassBound(module, strategy: .first, marks: &marks)).value()
        XCTAssertGreaterThanOrEqual(bound, 0.1 - 1e-9)
        XCTAssertFalse(PassBound.rulesOut(module, strategies: AuditStrategy.allCases))
    }

    /// For single and multiple choice, the plays listed in the question's own order are what the
    /// strategy types over every display order a shuffle can give, with the same probabilities.
    func testChoicePlaysAreTheStrategiesOverEveryDisplayOrder() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<60 {
            let count = 1 + random.below(5)
            let lengths = (0..<count).map { _ in 1 + random.below(3) }
            for single in [true, false] {
                let shape: AuditStrategy.Shape = single ? .single : .multiple
                for strategy in AuditStrategy.allCases where strategy != .random {
                    var expected: [[Int]: Double] = [:]
                    let orders = AuditStrategy.permutations(count)
                    for shown in orders {
                        var unused = SeededGenerator(seed: 0)
                        guard case .positions(let positions) = strategy.typed(for: shape, shown: shown, optionLengths: lengths, random: &unused)
                        else { return XCTFail("\(strategy) typed no positions") }
                        expected[positions.map { shown[$0] }.sorted(), default: 0] += 1 / Double(orders.count)
                    }
                    let kind: QuestionKind = single ? .single([]) : .multiple([])
                    var listed: [[Int]: Double] = [:]
                    for play in strategy.plays(for: kind, shuffle: true, optionLengths: lengths) ?? [] {
                        guard case .positions(let positions) = play.typed else { return XCTFail("\(strategy) listed no positions") }
                        listed[positions.map { play.shown[$0] }.sorted(), default: 0] += play.probability
                    }
                    XCTAssertEqual(Set(listed.keys), Set(expected.keys), "\(strategy) \(shape) \(lengths)")
                    for (answer, probability) in expected {
                        XCTAssertEqual(listed[answer] ?? 0, probability, accuracy: 1e-9, "\(strategy) \(shape) \(lengths) \(answer)")
                    }
                }
            }
        }
    }

    /// Strategies said to type alike list the same plays, at every kind of question.
    func testStrategiesSharingPlaysListTheSamePlays() {
        let choices = [Choice(id: "a", text: "Short", isCorrect: true), Choice(id: "b", text: "Longer one", isCorrect: false),
                       Choice(id: "c", text: "Tiny", isCorrect: false)]
        let kinds: [QuestionKind] = [
            .single(choices), .multiple(choices), .trueFalse(answer: true), .order(["a", "b", "c"]),
            .matching([MatchPair(left: "a", right: "1"), MatchPair(left: "b", right: "2")]), .short(accept: ["x"]), .reflection(store: false),
        ]
        for kind in kinds {
            let lengths = kind.choices.map(\.text.count)
            for shuffle in [true, false] {
                for strategy in AuditStrategy.allCases {
                    let alike = strategy.sharingPlays(at: AuditStrategy.Shape(kind))
                    XCTAssertEqual(
                        strategy.plays(for: kind, shuffle: shuffle, optionLengths: lengths),
                        alike.plays(for: kind, shuffle: shuffle, optionLengths: lengths), "\(strategy) and \(alike) at \(kind)")
                }
            }
        }
    }

    /// Skipping the modules the bound rules out leaves validate's warnings exactly as they were:
    /// random quizzes, the audit fixtures and every bundled module.
    func testScreeningLeavesTheWarningsUnchanged() throws {
        var results = try (1...120 as ClosedRange<UInt64>).map { seed in
            let module = try randomModule(seed + 1_000)
            return ModuleLoadResult(path: module.path, module: module, diagnostics: [])
        }
        for name in ["audit/gameable.yaml", "audit/resistant.yaml", "good/every-type.yaml"] {
            results.append(ModuleLoader().loadModule(at: ModuleFixtures.fixturesFolder + "/" + name, site: ModuleFixtures.site))
        }
        let set = ModuleSet(results: results, sites: [], crossFileDiagnostics: [])
        let screened = set.audited().diagnostics
        assertSame(screened, set.audited(screening: false).diagnostics)
        XCTAssertGreaterThan(screened.filter { $0.message.contains("never reads the lessons") }.count, 10)
        let bundled = ModuleCatalog().load(paths: [Self.repositoryRoot + "/modules"])
        XCTAssertGreaterThan(bundled.results.compactMap(\.module).count, 3)
        assertSame(bundled.audited().diagnostics, bundled.audited(screening: false).diagnostics)
    }

    /// The same diagnostics in the same order, naming only those that differ.
    private func assertSame(_ screened: [Diagnostic], _ played: [Diagnostic], file: StaticString = #filePath, line: UInt = #line) {
        let onlyScreened = screened.filter { !played.contains($0) }.map(\.headline)
        let onlyPlayed = played.filter { !screened.contains($0) }.map(\.headline)
        XCTAssertEqual(onlyScreened, [], "only with screening", file: file, line: line)
        XCTAssertEqual(onlyPlayed, [], "only when every module is played", file: file, line: line)
        XCTAssertEqual(screened, played, "the same diagnostics in another order", file: file, line: line)
    }

    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
