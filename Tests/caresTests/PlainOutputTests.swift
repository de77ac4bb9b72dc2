import Foundation
import TrainingKit
import XCTest

/// `cares take` for screen readers: with `--plain`, `TERM=dumb` or `NO_COLOR`, a full run is plain
/// text: no box-drawing, block or symbol glyphs, no escape sequences, "Question N of M" on its own
/// line and each choice a lettered line.
final class PlainOutputTests: CaresCommandTestCase {
    func run(_ extra: [String], environment more: [String: String], seed: UInt64 = 5) throws -> (String, QuizPlan) {
        let set = ModuleCatalog().load(paths: [TakeCommandTests.fixtures])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        let script = AnswerScript(module: module, seed: seed)
        let output = try CaresProcess.run(
            ["take", "every-type", "--modules", TakeCommandTests.fixtures, "--database", database, "--learner", "rn-\(seed)",
             "--seed", String(seed)] + extra,
            input: script.lines(AnswerScript.wrong).joined(separator: "\n") + "\n",
            environment: environment.merging(more) { $1 }, directory: home)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("Recorded for rn-\(seed)"), "a full run to the result: \(output.stdout)")
        return (output.stdout, script.plan)
    }

    func testPlainRunsHaveNoGlyphsAndAnnounceEachQuestion() throws {
        let (decorated, _) = try run([], environment: ["TERM": "xterm-256color"], seed: 4)
        XCTAssertTrue(decorated.contains("── Question 1 of"), "without plain, headings are drawn: the check below means something")

        let variants: [([String], [String: String])] = [
            (["--plain"], ["TERM": "xterm-256color"]), ([], ["TERM": "dumb"]), ([], ["TERM": "xterm-256color", "NO_COLOR": "1"]),
        ]
        for (index, (flags, environment)) in variants.enumerated() {
            let (text, plan) = try run(flags, environment: environment, seed: UInt64(5 + index))
            let label = "\(flags) \(environment)"
            let glyphs = text.unicodeScalars.filter { scalar in
                (0x2190...0x21FF).contains(scalar.value)  // arrows
                    || (0x2500...0x259F).contains(scalar.value)  // box drawing and block elements
                    || (0x25A0...0x25FF).contains(scalar.value)  // geometric shapes (◐)
                    || (0x2700...0x27BF).contains(scalar.value)  // dingbats (✓ ✗)
                    || scalar.value == 0x2022  // •
                    || scalar.value == 0x1B || scalar.value == 0x0D || scalar.value == 0x08  // escapes, carriage return, backspace
            }
            XCTAssertEqual(String(String.UnicodeScalarView(glyphs)), "", label)
            let lines = text.components(separatedBy: "\n")
            let total = plan.questions.count
            for number in 1...total {
                XCTAssertEqual(lines.filter { $0 == "Question \(number) of \(total)" }.count, 1, "\(label): question \(number) announced on its own line")
            }
            for planned in plan.questions {
                guard case .single(let choices) = planned.question.kind else { continue }
                for (position, index) in planned.displayOrder.enumerated() {
                    let expected = "  \(PlannedQuestion.label(position))) \(choices[index].text)"
                    XCTAssertTrue(lines.contains { $0.hasPrefix(expected.prefix(40)) }, "\(label): lettered choice line \(expected)")
                }
            }
            XCTAssertTrue(lines.contains("Not quite."), "\(label): feedback in words")
        }
    }
}
