import Foundation
import TrainingKit
import XCTest

/// Hostile input at every prompt type: the question is asked again, nothing crashes, nothing is echoed raw.
final class PromptInputTests: XCTestCase {
    func testGarbageAtEveryPromptIsAskedAgain() throws {
        let home = try CaresProcess.temporaryFolder(self)
        let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
        let set = ModuleCatalog().load(paths: [fixtures])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        let script = AnswerScript(module: module, seed: 77)
        var random = SeededGenerator(seed: 77)
        var input = Data("\n:skip\n".utf8)
        for planned in script.plan.questions {
            for _ in 0..<3 { input.append(Self.garbage(&random)) }
            input.append(Data((AnswerScript.right(planned) + "\n\n").utf8))
        }
        let output = try CaresProcess.runRaw(
            ["take", "every-type", "--modules", fixtures, "--database", home.path + "/db.sqlite", "--learner", "rn-1", "--seed", "77"],
            input: input, environment: ["XDG_CONFIG_HOME": home.path + "/c"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("· PASSED"), String(output.stdout.suffix(1500)))
        XCTAssertFalse(output.stdout.contains("\u{1B}"), "no escape sequence reaches the terminal")
        XCTAssertFalse(output.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control characters")
        XCTAssertEqual(output.stderr, "")
    }

    /// A line of hostile input: random bytes, escape sequences, invalid UTF-8, or a very long line.
    static func garbage(_ random: inout SeededGenerator) -> Data {
        switch random.below(6) {
        case 0: return Data((0..<(1 + random.below(40))).map { _ in UInt8(truncatingIfNeeded: random.next()) }.filter { $0 != 0x0A } + [0x0A])
        case 1: return Data("\u{1B}[2J\u{1B}[31mred\u{1B}]0;title\u{07}\n".utf8)
        case 2: return Data([0xFF, 0xFE, 0xC3, 0x28, 0x41, 0x0A])
        case 3: return Data((String(repeating: "x", count: 200_000) + "\n").utf8)
        case 4: return Data("\u{0}\u{8}\u{7F}\r:\t\n".utf8)
        default: return Data("z z z 9 9\n".utf8)
        }
    }
}
