import Foundation
import XCTest

/// `cares validate` run as a built binary on good and broken fixtures.
final class ValidateCommandTests: XCTestCase {
    let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures").path

    func testGoodFixturesPass() throws {
        let output = try CaresProcess.run(["validate", fixtures + "/good"])
        XCTAssertEqual(output.status, 0, output.stdout + output.stderr)
        // every-type.yaml keeps its small pool and two-of-three multiple-response item for the other tests: warnings only.
        XCTAssertFalse(output.stdout.contains("error:"), output.stdout)
    }

    func testItemWritingLintWarnsAtTheQuestionAndStrictMakesItAnError() throws {
        let output = try CaresProcess.run(["validate", fixtures + "/lint"])
        XCTAssertEqual(output.status, 0, output.stdout)
        let expected = [
            "lint/flawed.yaml:16:9: warning: module 'flawed' is required, but its pool has 10 units for a draw of 8",
            "lint/flawed.yaml:23:11: warning: the correct option of question 'long1' is the longest",
            "lint/flawed.yaml:56:7: warning: question 'dup' nearly repeats 'flawed:tf2'",
            "lint/flawed.yaml:61:7: warning: ticking every option of question 'tickall' scores 67%",
        ]
        for line in expected {
            XCTAssertTrue(output.stdout.contains(line), "missing: \(line)\n--- output:\n\(output.stdout)")
        }
        // clean.yaml has no feedback or explanations (ModuleLinter's warnings) but no item-writing flaw.
        let clean = output.stdout.split(separator: "\n").filter { $0.contains("lint/clean.yaml:") && $0.contains("warning:") }
        XCTAssertTrue(clean.allSatisfy { $0.contains("has no feedback") || $0.contains("has no explanation") }, clean.joined(separator: "\n"))
        let strict = try CaresProcess.run(["validate", "--strict", fixtures + "/lint"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stdout.contains("lint/flawed.yaml:61:7: error: ticking every option of question 'tickall'"), strict.stdout)
        XCTAssertTrue(strict.stdout.contains("hint: add wrong options or make fewer options correct"), strict.stdout)
    }

    func testBrokenFixturesListEveryProblem() throws {
        let output = try CaresProcess.run(["validate", fixtures + "/bad"])
        XCTAssertEqual(output.status, 1)
        let expected = [
            "bad/alias-bomb.yaml:1:5: error: anchors (&a0) are not supported",
            "bad/broken-choices.yaml:2:10: error: version '1.0' is not a semantic version",
            "bad/broken-choices.yaml:9:5: warning: objective 'untested' is not tested by any question",
            "bad/broken-choices.yaml:15:16: error: unknown placeholder '{{site.safeguarding_leed}}'",
            "bad/broken-choices.yaml:26:11: error: question 'q1' has 2 correct choices; a 'single' question needs exactly one",
            "bad/broken-choices.yaml:27:11: error: unknown key 'feeback' in a choice",
            "bad/empty.yaml:1:1: error: the file is empty",
            "bad/site.yaml:4:31: error: requirement names module 'missing-module', which is not in the module set",
            "bad/tabbed.yaml:4:1: error: a tab is used for indentation",
        ]
        for line in expected {
            XCTAssertTrue(output.stdout.contains(line), "missing: \(line)\n--- output:\n\(output.stdout)")
        }
        XCTAssertTrue(output.stdout.contains("did you mean 'feedback'?"))
        XCTAssertTrue(output.stdout.contains("   27 |           feeback: typo"), output.stdout)
        XCTAssertTrue(output.stdout.hasSuffix("in 5 of 5 files.\n"), output.stdout)
        XCTAssertFalse(output.stdout.contains("\u{1B}["), "no colour through a pipe")
        XCTAssertEqual(output.stderr, "")
    }

    func testStrictTurnsWarningsIntoErrors() throws {
        let folder = try CaresProcess.temporaryFolder(self)
        let module = try String(contentsOfFile: fixtures + "/good/every-type.yaml", encoding: .utf8)
            .replacingOccurrences(of: "objectives:\n", with: "objectives:\n  - id: spare\n    text: Not tested\n")
        try module.write(to: folder.appendingPathComponent("every-type.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: fixtures + "/good/site.yaml", toPath: folder.appendingPathComponent("site.yaml").path)
        XCTAssertEqual(try CaresProcess.run(["validate", folder.path]).status, 0)
        let strict = try CaresProcess.run(["validate", "--strict", folder.path])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stdout.contains("error: objective 'spare' is not tested"), strict.stdout)
    }

    func testJSONFormat() throws {
        let output = try CaresProcess.run(["validate", "--format", "json", fixtures + "/bad"])
        XCTAssertEqual(output.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let diagnostics = try XCTUnwrap(object?["diagnostics"] as? [[String: Any]])
        let feeback = try XCTUnwrap(diagnostics.first { ($0["message"] as? String)?.contains("feeback") == true })
        XCTAssertEqual(feeback["line"] as? Int, 27)
        XCTAssertEqual(feeback["column"] as? Int, 11)
        XCTAssertEqual(feeback["severity"] as? String, "error")
        XCTAssertEqual(feeback["hint"] as? String, "did you mean 'feedback'?")
        let summary = try XCTUnwrap(object?["summary"] as? [String: Any])
        XCTAssertEqual(summary["files"] as? Int, 5)
    }

    func testModulesFolderFromEnvironmentAndFlag() throws {
        let env = try CaresProcess.run(["validate"], environment: ["CARES_MODULES": fixtures + "/good"])
        XCTAssertEqual(env.status, 0, env.stdout)
        let flag = try CaresProcess.run(["validate", "--modules", fixtures + "/bad"], environment: ["CARES_MODULES": fixtures + "/good"])
        XCTAssertEqual(flag.status, 1)
    }

    func testMissingPathIsAnErrorNotACrash() throws {
        let output = try CaresProcess.run(["validate", "/nonexistent/path.yaml"])
        XCTAssertEqual(output.status, 1)
        XCTAssertTrue(output.stdout.contains("/nonexistent/path.yaml:1:1: error: no such file or folder"), output.stdout)
    }

    func testBadUsageExits64() throws {
        let output = try CaresProcess.run(["validate", "--format", "xml"])
        XCTAssertEqual(output.status, 64)
    }
}

/// The teaching-quality lint of `cares validate`.
final class ValidateLintTests: XCTestCase {
    func testLintWarningsAndMaxGrade() throws {
        let folder = try CaresProcess.temporaryFolder(self)
        let module = """
            id: thin
            version: 1.0.0
            title: Thin
            summary: A module with teaching gaps.
            sources: [Test source]
            objectives:
              - id: privacy
                text: Make space to talk alone
            lessons:
              - id: one
                title: One
                body: See each patient alone for part of the visit. Ask open questions.
            quiz:
              questions:
                - id: q1
                  type: single
                  objective: privacy
                  prompt: Pick one
                  choices:
                    - {text: Right, correct: true}
                    - {text: Wrong, feedback: No.}
            """
        try module.write(to: folder.appendingPathComponent("thin.yaml"), atomically: true, encoding: .utf8)
        let plain = try CaresProcess.run(["validate", folder.path])
        XCTAssertEqual(plain.status, 0, plain.stdout)
        for line in [
            "thin.yaml:7:5: warning: objective 'privacy' is tested by only one question ('q1')",
            "thin.yaml:15:7: warning: question 'q1' has no explanation",
            "thin.yaml:20:11: warning: choice a of question 'q1' has no feedback",
        ] {
            XCTAssertTrue(plain.stdout.contains(line), "missing: \(line)\n\(plain.stdout)")
        }
        XCTAssertFalse(plain.stdout.contains("reads at grade"), plain.stdout)
        XCTAssertEqual(try CaresProcess.run(["validate", "--strict", folder.path]).status, 1)
        let strictGrade = try CaresProcess.run(["validate", "--max-grade", "1", folder.path])
        XCTAssertTrue(strictGrade.stdout.contains("thin.yaml:10:5: warning: lesson 'one' reads at grade"), strictGrade.stdout)
        XCTAssertTrue(strictGrade.stdout.contains("the limit is 1"), strictGrade.stdout)
        XCTAssertEqual(try CaresProcess.run(["validate", "--max-grade", "0", folder.path]).status, 64)
    }
}
