import Foundation
import TrainingKit
import XCTest

/// `QuizAudit`: test-wise strategies played through the real engine, and the validate warning.
final class QuizAuditTests: XCTestCase {
    private func fixture(_ name: String) throws -> Module {
        let path = ModuleFixtures.fixturesFolder + "/" + name
        let site = ModuleLoader().loadSite(at: ModuleFixtures.fixturesFolder + "/good/site.yaml").site
        let result = ModuleLoader().loadModule(at: path, site: site)
        return try XCTUnwrap(result.module, result.diagnostics.map(\.headline).joined(separator: "\n"))
    }

    private func strategy(_ audit: ModuleAudit, _ strategy: AuditStrategy) throws -> StrategyAudit {
        try XCTUnwrap(audit.strategies.first { $0.strategy == strategy })
    }

    func testAGameableQuizIsCaught() throws {
        let audit = QuizAudit(runs: 200).audit(try fixture("audit/gameable.yaml"))
        XCTAssertTrue(audit.isGameable)
        XCTAssertEqual(audit.best?.strategy, .combined)
        XCTAssertEqual(audit.best?.passProbability, 1)
        XCTAssertEqual(audit.best?.meanScore, 1)
        // Keys always the longest: every single-choice item right, every true/false wrong ("true").
        let longest = try strategy(audit, .longest)
        XCTAssertEqual(longest.meanScore, 0.5, accuracy: 1e-9)
        XCTAssertEqual(longest.passProbability, 0)
        XCTAssertEqual(longest.topItems.map(\.questionID), ["s1", "s2", "s3"])
        XCTAssertEqual(longest.topItems.map(\.rightRate), [1, 1, 1])
        // Always "false": every true/false right, the first option shown otherwise (1 in 3).
        let alwaysFalse = try strategy(audit, .alwaysFalse)
        XCTAssertEqual(alwaysFalse.topItems.map(\.questionID), ["t1", "t2", "t3"])
        XCTAssertGreaterThan(alwaysFalse.passProbability, 0.2)
        XCTAssertEqual(audit.strategies.map(\.rejectedInputs), Array(repeating: 0, count: AuditStrategy.allCases.count))
    }

    func testAQuizBuiltToResistPassesQuietly() throws {
        let audit = QuizAudit(runs: 500).audit(try fixture("audit/resistant.yaml"))
        XCTAssertFalse(audit.isGameable)
        for strategy in audit.strategies {
            XCTAssertLessThanOrEqual(strategy.passProbability, QuizAudit.passLimit, strategy.strategy.name)
            XCTAssertLessThanOrEqual(strategy.meanScore, 0.5, strategy.strategy.name)
        }
        // Multiple response with two right and two wrong: ticking everything earns nothing.
        let tickAll = try strategy(audit, .tickAll)
        XCTAssertFalse(tickAll.topItems.contains { $0.questionID == "m1" })
    }

    func testTheSameRunsGiveTheSameFigures() throws {
        let module = try fixture("good/every-type.yaml")
        let first = QuizAudit(runs: 100).audit(module)
        XCTAssertEqual(first, QuizAudit(runs: 100).audit(module))
        XCTAssertEqual(first.runs, 100)
        XCTAssertEqual(first.strategies.map(\.strategy), AuditStrategy.allCases)
    }

    /// The audit's shortcuts (marks kept across draws, plans drawn as places) give exactly the
    /// figures of playing each strategy through a real `QuizSession`, draw by draw.
    func testTheFiguresAreThoseOfPlayingTheRealSession() throws {
        for name in ["good/every-type.yaml", "audit/gameable.yaml", "audit/resistant.yaml"] {
            let module = try fixture(name)
            let runs = 40
            let audit = QuizAudit(runs: runs).audit(module)
            for played in AuditStrategy.allCases {
                var scoreSum = 0.0
                var passes = 0
                var rejected = 0
                for seed in 1...UInt64(runs) {
                    var session = QuizSession(module: module, seed: seed)
                    // The audit's generator for the random strategy, one per strategy and draw.
                    var random = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ 0xA0D1_7000)
                    for (index, planned) in session.plan.questions.enumerated() {
                        var mark = try XCTUnwrap(session.evaluateSkip(at: index)).0
                        if let input = played.input(for: planned, random: &random) {
                            switch session.mark(input, at: index) {
                            case .success(let (_, typed)): mark = typed
                            case .failure: rejected += 1
                            }
                        }
                        session.record(mark, for: planned.question.id)
                    }
                    scoreSum += session.result.percent / 100
                    if session.result.passed { passes += 1 }
                }
                let figures = try strategy(audit, played)
                XCTAssertEqual(figures.meanScore, scoreSum / Double(runs), accuracy: 1e-12, "\(name) \(played.name)")
                XCTAssertEqual(figures.passProbability, Double(passes) / Double(runs), "\(name) \(played.name)")
                XCTAssertEqual(figures.rejectedInputs, rejected, "\(name) \(played.name)")
            }
        }
    }

    func testEveryStrategyTypesInputTheEngineAccepts() throws {
        // every-type has each question type; a refused input would count as a skip and hide a bug.
        let audit = QuizAudit(runs: 100).audit(try fixture("good/every-type.yaml"))
        for strategy in audit.strategies {
            XCTAssertEqual(strategy.rejectedInputs, 0, strategy.strategy.name)
        }
        // The matching and the order are answered as shown: sometimes right, never always.
        let first = try strategy(audit, .first)
        XCTAssertGreaterThan(first.meanScore, 0)
    }

    func testStrategiesAnswerAsDocumented() throws {
        let choices = [
            Choice(id: "a", text: "Medium text", isCorrect: false), Choice(id: "b", text: "The longest text of all", isCorrect: true),
            Choice(id: "c", text: "Short", isCorrect: false),
        ]
        let single = PlannedQuestion(
            question: Question(id: "q", kind: .single(choices), objective: "o", prompt: "?"), scenario: nil, startsScenario: true,
            displayOrder: [2, 0, 1])
        let multiple = PlannedQuestion(
            question: Question(id: "m", kind: .multiple(choices), objective: "o", prompt: "?"), scenario: nil, startsScenario: true,
            displayOrder: [2, 0, 1])
        let trueFalse = PlannedQuestion(
            question: Question(id: "t", kind: .trueFalse(answer: false), objective: "o", prompt: "?"), scenario: nil,
            startsScenario: true, displayOrder: [])
        let short = PlannedQuestion(
            question: Question(id: "s", kind: .short(accept: ["x"]), objective: "o", prompt: "?"), scenario: nil,
            startsScenario: true, displayOrder: [])
        var random = SeededGenerator(seed: 1)
        XCTAssertEqual(AuditStrategy.longest.input(for: single, random: &random), "3")
        XCTAssertEqual(AuditStrategy.first.input(for: single, random: &random), "1")
        XCTAssertEqual(AuditStrategy.alwaysFalse.input(for: single, random: &random), "1")
        XCTAssertEqual(AuditStrategy.tickAll.input(for: multiple, random: &random), "1 2 3")
        XCTAssertEqual(AuditStrategy.allButShortest.input(for: multiple, random: &random), "2 3")
        XCTAssertEqual(AuditStrategy.combined.input(for: multiple, random: &random), "2 3")
        XCTAssertEqual(AuditStrategy.alwaysFalse.input(for: trueFalse, random: &random), "f")
        XCTAssertEqual(AuditStrategy.first.input(for: trueFalse, random: &random), "t")
        XCTAssertNil(AuditStrategy.longest.input(for: short, random: &random))
    }

    func testValidateWarnsAtTheQuizKeyOfAGameableModule() throws {
        let gameable = ModuleLoader().loadModule(at: ModuleFixtures.fixturesFolder + "/audit/gameable.yaml", site: nil)
        let resistant = ModuleLoader().loadModule(at: ModuleFixtures.fixturesFolder + "/audit/resistant.yaml", site: nil)
        let set = ModuleSet(results: [gameable, resistant], sites: [], crossFileDiagnostics: []).audited()
        let warnings = set.diagnostics.filter { $0.message.contains("never reads the lessons") }
        XCTAssertEqual(warnings.count, 1, warnings.map(\.headline).joined(separator: "\n"))
        let warning = try XCTUnwrap(warnings.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.file.hasSuffix("audit/gameable.yaml"))
        XCTAssertEqual(warning.location.line, 16)
        XCTAssertEqual(warning.location.column, 1)
        XCTAssertTrue(warning.message.contains("100% of the time with the 'combined' strategy"), warning.message)
        XCTAssertTrue(warning.message.contains("200 seeded draws"), warning.message)
        XCTAssertTrue(warning.hint?.contains("vary which option is longest") == true, warning.hint ?? "")
    }
}
