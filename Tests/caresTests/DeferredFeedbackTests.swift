import Foundation
import TrainingKit
import TrainingStore
import XCTest

/// `quiz.feedback: end` with piped answers: nothing of the key before the result screen, all of it there and in `cares review`.
final class DeferredFeedbackTests: XCTestCase {
    var home: URL!
    var folder: String!
    var database: String { home.appendingPathComponent("data/cares.sqlite").path }

    override func setUpWithError() throws {
        home = try CaresProcess.temporaryFolder(self)
        folder = try DeferredFeedbackFixture.folder(in: home)
    }

    var environment: [String: String] {
        [
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data-home").path,
            "CARES_LEARNER": "", "CARES_DATABASE": "", "CARES_MODULES": "",
        ]
    }

    func run(_ command: [String], _ lines: [String] = []) throws -> CaresProcess.Output {
        try CaresProcess.run(
            command + ["--modules", folder, "--database", database, "--learner", "rn-4471"],
            input: lines.map { $0 + "\n" }.joined(), environment: environment)
    }

    /// Splits output at the result heading; fails when there is none.
    func splitAtResult(_ text: String) throws -> (before: String, after: String) {
        let range = try XCTUnwrap(text.range(of: "── Result"), text)
        return (String(text[..<range.lowerBound]), String(text[range.lowerBound...]))
    }

    func testNoKeyBeforeTheResultScreenAndAllOfItThere() throws {
        let script = AnswerScript(module: try DeferredFeedbackFixture.module(folder), seed: 12)
        let output = try run(["take", "every-type", "--seed", "12"], script.lines(AnswerScript.wrong))
        XCTAssertEqual(output.status, 0, output.stderr)
        let (before, after) = try splitAtResult(output.stdout)
        XCTAssertEqual(DeferredFeedbackFixture.keysShown(in: before, plan: script.plan), [], before)
        XCTAssertEqual(before.components(separatedBy: "Answer recorded.").count - 1, script.plan.questions.count)
        XCTAssertTrue(before.contains("the right answers and feedback follow"))
        XCTAssertTrue(after.contains("· NOT PASSED"), after)
        XCTAssertTrue(after.contains("── Your answers"), after)
        for planned in script.plan.questions {
            if let explanation = planned.question.explanation {
                XCTAssertTrue(after.contains("Why: " + RichText.plain(explanation)), "explanation of \(planned.question.id)")
            }
        }
        XCTAssertTrue(after.contains("The right answer:"), after)
        XCTAssertTrue(after.contains("✗ You chose"), "per-choice feedback on the result screen")
        XCTAssertTrue(after.contains("Your answer: "), "the answer of a non-choice question")
    }

    func testReviewShowsTheLastFinishedAttempt() throws {
        let none = try run(["review", "every-type"])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("no finished attempt"), none.stderr)

        let script = AnswerScript(module: try DeferredFeedbackFixture.module(folder), seed: 14)
        let all = script.lines(AnswerScript.wrong)
        let paused = try run(["take", "every-type", "--seed", "14"], Array(all.prefix(2 + 4)))
        XCTAssertTrue(paused.stdout.contains("Paused."), paused.stdout)
        let busy = try run(["review", "every-type"])
        XCTAssertEqual(busy.status, 1)
        XCTAssertTrue(busy.stderr.contains("unfinished attempt"), busy.stderr)
        XCTAssertTrue(busy.stderr.contains("cares resume every-type"), busy.stderr)

        let resumed = try run(["resume", "every-type"], Array(all.dropFirst(2 + 4)))
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let (before, after) = try splitAtResult(resumed.stdout)
        XCTAssertEqual(DeferredFeedbackFixture.keysShown(in: before, plan: script.plan), [], before)
        XCTAssertTrue(after.contains("── Your answers"), after)

        let review = try run(["review", "every-type"])
        XCTAssertEqual(review.status, 0, review.stderr)
        XCTAssertTrue(review.stdout.contains("NOT PASSED"), review.stdout)
        XCTAssertTrue(review.stdout.contains("── Your answers"), review.stdout)
        let reviewed = review.stdout[try XCTUnwrap(review.stdout.range(of: "── Your answers")).lowerBound...]
        let onResult = after[try XCTUnwrap(after.range(of: "── Your answers")).lowerBound...]
        XCTAssertTrue(String(onResult).hasPrefix(String(reviewed)), "the same review as on the result screen:\n\(reviewed)\n---\n\(onResult)")
        for planned in script.plan.questions {
            XCTAssertTrue(review.stdout.contains(RichText.plain(planned.question.prompt).prefix(30)), planned.question.id)
        }
    }
}
