import TrainingKit
import XCTest

/// One test per validation rule, each checking the exact line:column of the diagnostic.
final class ValidationRuleTests: XCTestCase {
    func testMinimalModuleIsClean() {
        assertClean(ModuleFixtures.load(ModuleFixtures.minimal))
    }

    func testUnknownKeySuggestsTheRightOne() {
        let yaml = ModuleFixtures.minimal(replacingLine: 23, with: "          feeback: Yes.")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "23:11", "unknown key 'feeback'", hint: "did you mean 'feedback'?")
    }

    func testAKeyOfAnotherQuestionTypeSaysWhichTypeItIsFor() {
        let yaml = ModuleFixtures.minimal(replacingLine: 19, with: "      prompt: Pick one\n      accept: [x]")
        assertDiagnostic(
            ModuleFixtures.load(yaml), at: "20:7", "'accept' does not belong here: 'accept' is for short questions, and question 'q1' is 'single'")
    }

    func testAQuestionKeyBesideAScenarioSaysWhereItGoes() {
        let yaml = ModuleFixtures.minimal + """

                - scenario:
                    id: case
                    title: A case
                    text: A case.
                    questions:
                      - id: q2
                        type: true-false
                        objective: privacy
                        prompt: True?
                        answer: true
                  prompt: misplaced
            """
        assertDiagnostic(
            ModuleFixtures.load(yaml), at: "36:7",
            "'prompt' does not belong here: put it inside the scenario (or one of its questions), indented under 'scenario:'")
    }

    func testUnknownTopLevelKey() {
        let yaml = ModuleFixtures.minimal(replacingLine: 3, with: "titel: Minimal")
        let result = ModuleFixtures.load(yaml)
        assertDiagnostic(result, at: "3:1", "unknown key 'titel'", hint: "'title'")
        assertDiagnostic(result, at: "1:1", "has no 'title'")
    }

    func testQuizFeedbackTiming() throws {
        XCTAssertEqual(ModuleFixtures.load(ModuleFixtures.minimal).module?.quiz.feedback, .immediate, "the default")
        let end = ModuleFixtures.load(ModuleFixtures.minimal(replacingLine: 15, with: "  feedback: end\n  questions:"))
        assertClean(end)
        XCTAssertEqual(end.module?.quiz.feedback, .end)
        let wrong = ModuleFixtures.minimal(replacingLine: 15, with: "  feedback: later\n  questions:")
        assertDiagnostic(
            ModuleFixtures.load(wrong), at: "15:13", "quiz 'feedback' is 'later'; it must be 'immediate' or 'end'",
            hint: "'end' only on the result screen")
    }

    func testMissingRequiredField() {
        let yaml = ModuleFixtures.minimal(replacingLine: 19, with: "      points: 1")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "16:7", "a question has no 'prompt'")
    }

    func testEmptyRequiredField() {
        let yaml = ModuleFixtures.minimal(replacingLine: 3, with: "title: \"  \"")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "3:8", "'title' is blank")
        let empty = ModuleFixtures.minimal(replacingLine: 3, with: "title:")
        assertDiagnostic(ModuleFixtures.load(empty), at: "3:7", "'title' is empty")
    }

    func testIDsMustBeKebabCase() {
        let yaml = ModuleFixtures.minimal(replacingLine: 16, with: "    - id: Question_1")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "16:11", "question id 'Question_1' is not kebab-case", hint: "question-1")
    }

    func testIDsMustBeUniqueWithinAModule() {
        let yaml = ModuleFixtures.minimal(replacingLine: 8, with: "    text: Make space\n  - id: privacy\n    text: Again")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "9:9", "duplicate objective id 'privacy' (first used on line 7)")
    }

    func testModuleIDsMustBeUniqueAcrossTheSet() throws {
        let folder = try temporaryFolder()
        try ModuleFixtures.minimal.write(toFile: folder + "/minimal.yaml", atomically: true, encoding: .utf8)
        try ModuleFixtures.minimal.write(toFile: folder + "/copy.yaml", atomically: true, encoding: .utf8)
        let set = ModuleCatalog().load(paths: [folder])
        let duplicate = set.diagnostics.filter { $0.message.contains("module id 'minimal' is also used by") }
        XCTAssertEqual(duplicate.count, 1)
        XCTAssertEqual(duplicate.first?.location, SourceLocation(line: 1, column: 5))
        XCTAssertTrue(duplicate.first?.file.hasSuffix("minimal.yaml") ?? false)
    }

    func testVersionMustBeSemantic() {
        for bad in ["1.0", "v1.0.0", "01.0.0", "1.0.0.0", "1.x.0"] {
            let yaml = ModuleFixtures.minimal(replacingLine: 2, with: "version: \(bad)")
            assertDiagnostic(ModuleFixtures.load(yaml), at: "2:10", "is not a semantic version")
        }
        assertClean(ModuleFixtures.load(ModuleFixtures.minimal(replacingLine: 2, with: "version: 2.10.3-beta.1")))
    }

    func testSingleNeedsExactlyOneCorrectChoice() {
        let none = ModuleFixtures.minimal(replacingLine: 22, with: "          correct: false")
        assertDiagnostic(ModuleFixtures.load(none), at: "21:9", "question 'q1' has no correct choice")
        let two = ModuleFixtures.minimal(replacingLine: 25, with: "          feedback: No.\n          correct: true")
        assertDiagnostic(ModuleFixtures.load(two), at: "26:11", "has 2 correct choices; a 'single' question needs exactly one")
    }

    func testMultipleNeedsAtLeastOneCorrectChoice() {
        var yaml = ModuleFixtures.minimal(replacingLine: 17, with: "      type: multiple")
        yaml = yaml.replacingOccurrences(of: "correct: true", with: "correct: false")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "21:9", "question 'q1' has no correct choice")
    }

    func testOrderAndMatchingNeedTwoItems() {
        let order = ModuleFixtures.minimal(addingQuestions: """
                - id: q2
                  type: order
                  objective: privacy
                  prompt: Order
                  items: [Only one]
            """)
        assertDiagnostic(ModuleFixtures.load(order), at: "30:14", "question 'q2' has 1 items; it needs at least two")
        let matching = ModuleFixtures.minimal(addingQuestions: """
                - id: q2
                  type: matching
                  objective: privacy
                  prompt: Match
                  pairs:
                    - {left: A, right: B}
            """)
        assertDiagnostic(ModuleFixtures.load(matching), at: "31:9", "question 'q2' has 1 pairs; it needs at least two")
    }

    func testShortNeedsAnAcceptedAnswer() {
        let yaml = ModuleFixtures.minimal(addingQuestions: """
                - id: q2
                  type: short
                  objective: privacy
                  prompt: Say it
                  accept: []
            """)
        assertDiagnostic(ModuleFixtures.load(yaml), at: "30:15", "question 'q2' accepts no answers")
    }

    func testPassMarkRange() {
        let yaml = ModuleFixtures.minimal(replacingLine: 5, with: "sources: [Test source]\npass_mark: 120")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "6:12", "'pass_mark' is 120; it must be between 0 and 100")
    }

    func testDrawMustNotExceedPool() {
        let yaml = ModuleFixtures.minimal(replacingLine: 15, with: "  draw: 3\n  questions:")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "15:9", "'draw' is 3 but the pool has only 1 units")
    }

    func testObjectiveReferencesMustExist() {
        let lesson = ModuleFixtures.minimal(replacingLine: 12, with: "    objectives: [privacy, safety]")
        assertDiagnostic(ModuleFixtures.load(lesson), at: "12:27", "lesson 'one' names objective 'safety', which is not defined")
        let question = ModuleFixtures.minimal(replacingLine: 18, with: "      objective: privcy")
        assertDiagnostic(ModuleFixtures.load(question), at: "18:18", "names objective 'privcy'", hint: "'privacy'")
    }

    func testUntestedObjectiveIsAWarning() {
        let yaml = ModuleFixtures.minimal(replacingLine: 8, with: "    text: Make space\n  - id: safety\n    text: Plan")
        let result = ModuleFixtures.load(yaml)
        assertDiagnostic(result, at: "9:5", "objective 'safety' is not tested by any question", severity: .warning)
        XCTAssertNotNil(result.module, "a warning does not stop the module loading")
    }

    func testDuplicateChoiceTexts() {
        let yaml = ModuleFixtures.minimal(replacingLine: 24, with: "        - text: right")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "24:17", "duplicate choice text 'right' (first on line 21)")
    }

    func testUnknownPlaceholder() {
        let yaml = ModuleFixtures.minimal(replacingLine: 13, with: "    body: Call {{site.safeguarding_leed}} now.")
        assertDiagnostic(
            ModuleFixtures.load(yaml), at: "13:16", "unknown placeholder '{{site.safeguarding_leed}}'",
            hint: "did you mean 'safeguarding_lead'?")
    }

    func testPlaceholderInBlockTextIsLocated() {
        let yaml = ModuleFixtures.minimal(replacingLine: 13, with: "    body: |\n      First line.\n      Then {{site.nope}}.")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "15:12", "unknown placeholder '{{site.nope}}'")
    }

    func testPlaceholderWithoutSiteFile() {
        let yaml = ModuleFixtures.minimal(replacingLine: 13, with: "    body: Call {{site.safeguarding_lead}}.")
        assertDiagnostic(ModuleFixtures.load(yaml, site: nil), at: "13:16", "no site file was found")
    }

    func testValueStartingWithBracesGetsQuotingHint() {
        let yaml = ModuleFixtures.minimal(replacingLine: 13, with: "    body: {{site.safeguarding_lead}}")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "13:11", "'body' starts with '{{'", hint: "quotes")
        let trailing = ModuleFixtures.minimal(replacingLine: 13, with: "    body: {{site.safeguarding_lead}} today")
        assertDiagnostic(ModuleFixtures.load(trailing), at: "13:38", "YAML syntax error", hint: "must be quoted")
        let quoted = ModuleFixtures.minimal(replacingLine: 13, with: "    body: \"{{site.safeguarding_lead}} today\"")
        assertClean(ModuleFixtures.load(quoted))
    }

    func testDuplicateKeys() {
        let yaml = ModuleFixtures.minimal(replacingLine: 3, with: "title: Minimal\ntitle: Again")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "4:1", "duplicate key 'title' (first used on line 3)")
    }

    func testTabsInIndentation() {
        let yaml = ModuleFixtures.minimal(replacingLine: 8, with: "  \t  text: Make space")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "8:3", "a tab is used for indentation", hint: "spaces")
    }

    func testInvalidUTF8() {
        var bytes = Array(ModuleFixtures.minimal.utf8)
        let offset = Array("id: minimal\nversion: 1.0.0\ntitle: Min".utf8).count
        bytes.insert(0xFF, at: offset)
        assertDiagnostic(ModuleFixtures.load(bytes: bytes), at: "3:11", "not valid UTF-8", hint: "UTF-8")
    }

    func testNULByte() {
        var bytes = Array(ModuleFixtures.minimal.utf8)
        bytes.insert(0, at: Array("id: minimal\nversion: 1.0.0\ntitle: Min".utf8).count)
        let result = ModuleFixtures.load(bytes: bytes)
        assertDiagnostic(result, at: "3:11", "character YAML does not allow")
    }

    func testEmptyFile() {
        assertDiagnostic(ModuleFixtures.load(""), at: "1:1", "the file is empty")
        assertDiagnostic(ModuleFixtures.load("# only a comment\n\n"), at: "1:1", "the file is empty")
    }

    func testFileOverSizeLimit() throws {
        let result = ModuleFixtures.load(ModuleFixtures.minimal, limits: YAMLLimits(maxFileBytes: 100))
        assertDiagnostic(result, at: "1:1", "the limit is 100 bytes")
        let folder = try temporaryFolder()
        let path = folder + "/huge.yaml"
        try Data(repeating: 0x61, count: 2 << 20).write(to: URL(fileURLWithPath: path))
        let fromDisk = ModuleLoader().loadModule(at: path, site: nil)
        XCTAssertEqual(fromDisk.diagnostics.first?.message, "the file is 2097152 bytes; the limit is 1048576 bytes")
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = "id: x\nlessons: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        assertDiagnostic(ModuleFixtures.load(deep), at: "2:73", "nesting is deeper than 64 levels")
        let block = (0..<200).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n")
        XCTAssertTrue(ModuleFixtures.load(block).diagnostics.contains { $0.message.contains("nesting is deeper") })
    }

    func testAliasBombIsRejectedAtOnce() {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...10 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        let started = Date()
        let result = ModuleFixtures.load(lines.joined(separator: "\n"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        assertDiagnostic(result, at: "1:5", "anchors (&a0) are not supported")
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.count, 1)
    }

    func testAliasIsRejected() {
        let yaml = ModuleFixtures.minimal(replacingLine: 3, with: "title: *name")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "3:8", "aliases (*name) are not supported")
    }

    func testYAML12CoreScalars() {
        let yaml = ModuleFixtures.minimal(replacingLine: 22, with: "          correct: yes")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "22:20", "'correct' should be true or false", hint: "YAML 1.2 reads 'yes' as text")
        let prompt = ModuleFixtures.minimal(replacingLine: 19, with: "      prompt: no")
        XCTAssertEqual(ModuleFixtures.load(prompt).module?.quiz.allQuestions.first?.prompt, "no")
    }

    func testBOMAndCRLFAreAccepted() {
        let crlf = ModuleFixtures.minimal.replacingOccurrences(of: "\n", with: "\r\n")
        let bytes = [0xEF, 0xBB, 0xBF] + Array(crlf.utf8)
        assertClean(ModuleFixtures.load(bytes: bytes))
        let broken = ModuleFixtures.minimal(replacingLine: 23, with: "          feeback: Yes.")
            .replacingOccurrences(of: "\n", with: "\r\n")
        assertDiagnostic(ModuleFixtures.load(bytes: [0xEF, 0xBB, 0xBF] + Array(broken.utf8)), at: "23:11", "unknown key 'feeback'")
    }

    func testTagsAreRefused() {
        let yaml = ModuleFixtures.minimal(replacingLine: 3, with: "title: !!str Minimal")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "3:8", "tags (tag:yaml.org,2002:str) are not supported")
    }

    func testWrongQuestionTypeKey() {
        let yaml = ModuleFixtures.minimal(replacingLine: 17, with: "      type: true-false\n      answer: true")
        assertDiagnostic(ModuleFixtures.load(yaml), at: "21:7", "'choices' is for single and multiple questions")
    }

    func testAllProblemsAreReportedInOneRun() {
        var yaml = ModuleFixtures.minimal(replacingLine: 23, with: "          feeback: Yes.")
        yaml = yaml.replacingOccurrences(of: "version: 1.0.0", with: "version: one")
        yaml = yaml.replacingOccurrences(of: "objective: privacy", with: "objective: nope")
        let result = ModuleFixtures.load(yaml)
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.count, 3, result.diagnostics.map(\.headline).description)
    }

    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "cares-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}
