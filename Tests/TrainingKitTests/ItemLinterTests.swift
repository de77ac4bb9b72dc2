import TrainingKit
import XCTest

/// The item-writing lint: each flaw a test-wise learner could use is named at its line and column,
/// and a module written to avoid them gets no warning.
final class ItemLinterTests: XCTestCase {
    private let facts = ["safeguarding_lead": "the on-call social worker"]

    private func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: ModuleFixtures.fixturesFolder + "/lint/\(name).yaml", encoding: .utf8)
    }

    private func load(_ name: String, yaml: String? = nil) throws -> ModuleLoadResult {
        let result = ModuleLoader().loadModule(source: SourceText(try yaml ?? fixture(name)), path: "\(name).yaml", site: ModuleFixtures.site)
        XCTAssertNotNil(result.module, "fixture \(name) did not load: \(result.diagnostics.map(\.headline))")
        return result
    }

    private func lint(_ name: String, facts: [String: String]? = nil) throws -> [String] {
        let module = try XCTUnwrap(try load(name).module)
        return headlines(ItemLinter().lint(module, facts: facts ?? self.facts))
    }

    private func lintSet(_ results: [ModuleLoadResult], required: [String]) -> [String] {
        let site = Site(facts: facts, requirements: [Requirement(modules: required)], path: "site.yaml")
        let set = ModuleSet(results: results, sites: [SiteLoadResult(path: "site.yaml", site: site, diagnostics: [])], crossFileDiagnostics: [])
        return headlines(ItemLinter().lint(set: set))
    }

    private func headlines(_ diagnostics: [Diagnostic]) -> [String] {
        XCTAssertTrue(diagnostics.allSatisfy { $0.severity == .warning && $0.hint?.isEmpty == false })
        return diagnostics.map { "\($0.file):\($0.location): \($0.message)" }
    }

    private func assertContains(_ lines: [String], _ prefix: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(lines.contains { $0.hasPrefix(prefix) }, "missing: \(prefix)\n--- got:\n\(lines.joined(separator: "\n"))", file: file, line: line)
    }

    func testLongestCorrectOptionIsFlaggedAtEachSuchOptionWithTheLengthRatio() throws {
        let lines = try lint("flawed")
        assertContains(lines, "flawed.yaml:23:11: the correct option of question 'long1' is the longest, as in 2 of 2 single-choice questions here (100%; the limit is 40%)")
        assertContains(lines, "flawed.yaml:32:11: the correct option of question 'keyword' is the longest")
        assertContains(lines, "flawed.yaml:18:7: correct single-choice options are on average 5.15× as long as the distractors (the limit is 1.25×); question 'long1' has the largest ratio, 7.69×")
    }

    func testUnbalancedTrueFalseIsFlaggedAtTheFirstMajorityItem() throws {
        assertContains(try lint("flawed"), "flawed.yaml:36:7: 4 of 5 true/false answers in this module are 'false' (20% true; keep it between 35% and 65%)")
    }

    func testMultipleResponseThatRewardsTickingEverything() throws {
        assertContains(try lint("flawed"), "flawed.yaml:61:7: ticking every option of question 'tickall' scores 67% (3 of 4 options are correct")
    }

    func testShortAnswerGivenAwayByHintPromptOrTitle() throws {
        let lines = try lint("flawed")
        assertContains(lines, "flawed.yaml:73:7: the hint of question 'hint' gives the first letters of the answer ('de')")
        assertContains(lines, "flawed.yaml:79:7: the prompt of question 'given' contains the accepted answer 'coercion'")
        assertContains(lines, "flawed.yaml:79:7: the accepted answer 'coercion' of question 'given' is in the module title")
    }

    func testStartsWithInAHintIsFlagged() throws {
        let yaml = try fixture("flawed").replacingOccurrences(of: "hint: It starts with 'de'.", with: "hint: It begins with a d.")
        let module = try XCTUnwrap(try load("flawed", yaml: yaml).module)
        assertContains(headlines(ItemLinter().lint(module)), "flawed.yaml:73:7: the hint of question 'hint' says how the answer is spelt ('begins with')")
    }

    func testStemWordRepeatedOnlyInTheCorrectOption() throws {
        assertContains(try lint("flawed"), "flawed.yaml:32:11: only the correct option of question 'keyword' repeats the prompt's word 'employer'")
    }

    func testDoubleNegativeInAPrompt() throws {
        assertContains(try lint("flawed"), "flawed.yaml:51:7: the prompt of question 'dneg' has a double negative ('not … unusual')")
        let version = try XCTUnwrap(SemanticVersion("1.0.0"))
        let flagged = { (prompt: String) -> Bool in
            let question = Question(id: "q", kind: .trueFalse(answer: true), objective: "o", prompt: prompt)
            let module = Module(id: "m", version: version, title: "M", quiz: Quiz(units: [.question(question)]))
            return ItemLinter().lint(module).contains { $0.message.contains("double negative") }
        }
        XCTAssertTrue(flagged("You should never not ask."))
        XCTAssertTrue(flagged("It isn't unsafe to ask."))
        XCTAssertFalse(flagged("Because she was never moved, this cannot be trafficking."), "separate clauses")
        XCTAssertFalse(flagged("Do not ask until she is alone; do not ask under pressure."), "until and under are not negations")
        XCTAssertFalse(flagged("Nobody asked her."))
    }

    func testNearDuplicateWithinAModuleNamesTheOther() throws {
        let lines = lintSet([try load("flawed")], required: [])
        XCTAssertEqual(lines, ["flawed.yaml:56:7: question 'dup' nearly repeats 'flawed:tf2': 67% of their key words are shared"])
    }

    func testNearDuplicateAcrossModulesNamesModuleAndPlace() throws {
        let copy = try fixture("clean").replacingOccurrences(
            of: "prompt: People held by force often tell staff straight away.", with: "prompt: Victims always ask for help.")
        let lines = lintSet([try load("flawed"), try load("clean", yaml: copy)], required: [])
        assertContains(lines, "clean.yaml:42:7: question 'ask-staff' nearly repeats 'flawed:tf2' (flawed.yaml:41:7): 100% of their key words are shared")
    }

    func testRequiredModuleNeedsABigEnoughPoolAndAnAttemptLimit() throws {
        let flawed = try load("flawed")
        let lines = lintSet([flawed, try load("clean")], required: ["flawed", "clean"])
        assertContains(lines, "flawed.yaml:2:5: module 'flawed' is required but sets no 'max_attempts'")
        assertContains(lines, "flawed.yaml:16:9: module 'flawed' is required, but its pool has 10 units for a draw of 8")
        XCTAssertFalse(lintSet([flawed], required: []).contains { $0.contains("is required") }, "only required modules")
    }

    func testCleanFixtureHasNoWarnings() throws {
        XCTAssertEqual(try lint("clean"), [])
        XCTAssertEqual(lintSet([try load("clean")], required: ["clean"]), [])
    }

    func testLengthsAreMeasuredWithPlaceholdersFilled() throws {
        // Filled with a short fact, the site contact no longer outweighs the correct option.
        let lines = try lint("clean", facts: ["safeguarding_lead": "X"])
        assertContains(lines, "clean.yaml:34:11: the correct option of question 'papers' is the longest, as in 1 of 2")
    }

    func testEveryFlawIsFoundOnceInTheFlawedFixture() throws {
        let lines = try lint("flawed") + lintSet([try load("flawed")], required: ["flawed"])
        XCTAssertEqual(lines.count, 13, lines.joined(separator: "\n"))
    }
}
