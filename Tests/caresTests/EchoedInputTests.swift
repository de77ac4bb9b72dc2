import Foundation
import XCTest

/// Ids from input that are refused are echoed escaped and short: no raw newline, no U+202E, no
/// 10,000 characters in a message.
final class EchoedInputTests: CaresCommandTestCase {
    static let hostile = "evil\nid\u{202E}" + String(repeating: "z", count: 10_000)

    func assertShortAndEscaped(_ output: CaresProcess.Output, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(output.status, 0, file: file, line: line)
        let text = output.stdout + output.stderr
        XCTAssertFalse(text.contains("\u{202E}"), text, file: file, line: line)
        XCTAssertFalse(text.contains("evil\nid"), text, file: file, line: line)
        XCTAssertTrue(text.contains("evil\\nid\\u{202E}zz"), text, file: file, line: line)
        XCTAssertLessThan(text.count, 600, String(text.prefix(600)), file: file, line: line)
    }

    func testRejectedStaffIDsAreEchoedEscapedAndShort() throws {
        assertShortAndEscaped(try cares(["take", "every-type", "--learner", Self.hostile]))
        assertShortAndEscaped(try cares(["report", "transcript", "--learner", Self.hostile]))
        assertShortAndEscaped(try cares(["learners", "deactivate", Self.hostile]))
        assertShortAndEscaped(try cares(["certificate", "--module", "every-type", "--learner", Self.hostile]))
        var environment = self.environment
        environment["CARES_LEARNER"] = Self.hostile
        let fromEnvironment = try CaresProcess.run(
            ["take", "every-type", "--database", database, "--modules", TakeCommandTests.fixtures], environment: environment)
        assertShortAndEscaped(fromEnvironment)
        let module = try cares(["take", "no\u{202E}such" + String(repeating: "m", count: 5_000), "--learner", "rn-1"])
        XCTAssertFalse((module.stdout + module.stderr).contains("\u{202E}"), module.stderr)
        XCTAssertLessThan(module.stderr.count, 600, String(module.stderr.prefix(600)))
    }
}
