import TrainingKit
import XCTest

/// The teaching-quality warnings of `cares validate`: coverage, feedback, explanations, readability.
final class ModuleLinterTests: XCTestCase {
    private func lint(_ yaml: String, maxGrade: Double = 12) throws -> [Diagnostic] {
        let module = try XCTUnwrap(ModuleFixtures.load(yaml).module, "fixture did not load")
        return ModuleLinter(maxGrade: maxGrade).lint(module)
    }

    private func headlines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location):\($0.severity.rawValue): \($0.message)" }
    }

    func testMinimalModuleWarnsAboutSingleQuestionObjectiveAndMissingExplanation() throws {
        let diagnostics = try lint(ModuleFixtures.minimal)
        XCTAssertEqual(
            headlines(diagnostics),
            [
                "7:5:warning: objective 'privacy' is tested by only one question ('q1')",
                "16:7:warning: question 'q1' has no explanation",
            ])
        XCTAssertTrue(diagnostics.allSatisfy { $0.file == "test.yaml" && $0.hint != nil })
    }

    func testChoiceWithoutFeedbackIsNamedAtTheChoice() throws {
        let yaml = ModuleFixtures.minimal(replacingLine: 25, with: "          ")
        let diagnostics = try lint(yaml)
        XCTAssertTrue(
            headlines(diagnostics).contains("24:11:warning: choice b of question 'q1' has no feedback"),
            headlines(diagnostics).joined(separator: "\n"))
    }

    func testWellCoveredModuleIsClean() throws {
        let yaml = ModuleFixtures.minimal(replacingLine: 25, with: """
                      feedback: No.
                  explanation: Because.
                - id: q2
                  type: true-false
                  objective: privacy
                  prompt: Privacy matters.
                  answer: true
                  explanation: It does.
            """)
        XCTAssertEqual(headlines(try lint(yaml)), [])
    }

    func testReflectionsNeedNoExplanationAndDoNotCount() throws {
        let yaml = ModuleFixtures.minimal(addingQuestions: """
                - id: r1
                  type: reflection
                  objective: privacy
                  prompt: Your thoughts?
            """)
        let lines = headlines(try lint(yaml))
        XCTAssertFalse(lines.contains { $0.contains("'r1'") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("tested by only one question ('q1')") })
    }

    func testHardLessonIsFlaggedAboveTheConfiguredGrade() throws {
        let hard = "    body: Comprehensive multidisciplinary interprofessional collaboration necessitates "
            + "institutional accountability, organisational responsiveness and longitudinal evaluation of interventions."
        let yaml = ModuleFixtures.minimal(replacingLine: 13, with: hard)
        let warning = try XCTUnwrap(try lint(yaml).first { $0.message.hasPrefix("lesson 'one' reads at grade") })
        XCTAssertEqual(warning.location, SourceLocation(line: 10, column: 5))
        XCTAssertTrue(warning.message.hasSuffix("(Flesch–Kincaid); the limit is 12"), warning.message)
        XCTAssertFalse(try lint(yaml, maxGrade: 100).contains { $0.message.contains("reads at grade") })
    }

    func testFleschKincaidGrade() {
        XCTAssertEqual(Readability.syllableCount("cat"), 1)
        XCTAssertEqual(Readability.syllableCount("table"), 2)
        XCTAssertEqual(Readability.syllableCount("make"), 1)
        XCTAssertEqual(Readability.syllableCount("trafficking"), 3)
        XCTAssertEqual(Readability.syllableCount("interpreter"), 4)
        XCTAssertEqual(Readability.syllableCount("asked"), 1)
        let simple = Readability.measure("See the patient alone. Ask open questions.")
        XCTAssertEqual(simple.words, 7)
        XCTAssertEqual(simple.sentences, 2)
        XCTAssertLessThan(simple.grade, 6)
        let bullets = Readability.measure("Signs:\n\n- a scripted history\n- no documents")
        XCTAssertEqual(bullets.sentences, 3, "each bullet ends a sentence")
        XCTAssertEqual(Readability.measure("").grade, 0)
    }

    func testBundledStyleLessonsStayUnderTheDefault() throws {
        let body = "A person who is being trafficked may meet a health worker first. See every patient alone for part of the visit."
        XCTAssertLessThan(Readability.measure(body).grade, ModuleLinter.defaultMaxGrade)
    }
}
