import Foundation
import XCTest

/// Odd things in the modules folder: a FIFO or a device named `*.yaml` is refused at once (never
/// waited on or read forever), and a very long line is shown only around the problem.
final class HostileModuleFilesTests: XCTestCase {
    static let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
    var home: URL!
    var modules: URL { home.appendingPathComponent("modules") }

    override func setUpWithError() throws {
        home = try CaresProcess.temporaryFolder(self)
        try FileManager.default.copyItem(atPath: Self.fixtures, toPath: modules.path)
    }

    /// Runs cares bounded by `timeout` (so a hang fails the test instead of stalling the run).
    func bounded(_ arguments: [String]) throws -> CaresProcess.Output {
        let quoted = ([CaresProcess.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try CaresProcess.runShell(
            "cd '\(home.path)' && XDG_CONFIG_HOME='\(home.path)/config' XDG_DATA_HOME='\(home.path)/data' "
                + "timeout -s KILL 30 \(quoted) < /dev/null")
    }

    func testFIFONamedYAMLDoesNotHangAnyCommand() throws {
        XCTAssertEqual(try CaresProcess.runShell("mkfifo '\(modules.path)/x.yaml'").status, 0)
        let validate = try bounded(["validate", modules.path])
        XCTAssertEqual(validate.status, 1, validate.stdout + validate.stderr)
        XCTAssertTrue(
            validate.stdout.contains("x.yaml:1:1: error: is a FIFO (named pipe), not a regular file"), validate.stdout)
        // Other commands carry on with the good modules, as they do past any broken file.
        for arguments in [["list"], ["preview", "every-type"], ["take", "every-type", "--learner", "rn-1"]] {
            let result = try bounded(arguments + ["--modules", modules.path])
            XCTAssertNotEqual(result.status, 137, "\(arguments) hung")
            XCTAssertTrue(result.stdout.contains("every-type") || result.stdout.contains("Every question type"), "\(arguments): \(result.stdout)\(result.stderr)")
        }
    }

    func testSymlinkToDevZeroIsRefusedQuickly() throws {
        try FileManager.default.createSymbolicLink(atPath: modules.path + "/x.yaml", withDestinationPath: "/dev/zero")
        let validate = try bounded(["validate", modules.path])
        XCTAssertEqual(validate.status, 1, validate.stdout + validate.stderr)
        XCTAssertTrue(validate.stdout.contains("x.yaml:1:1: error: is a device, not a regular file"), validate.stdout)
        XCTAssertLessThan(validate.stdout.utf8.count + validate.stderr.utf8.count, 4000, validate.stdout)
    }

    /// A 5 MB one-line file (over the size limit) and a 900 KB line with an error near its end
    /// print a short window of the line, marked with "…".
    func testLongLinesAreShownAsAWindowAroundTheColumn() throws {
        let huge = modules.appendingPathComponent("huge.yaml")
        try Data(("title: " + String(repeating: "a", count: 5_000_000) + "\n").utf8).write(to: huge)
        let long = modules.appendingPathComponent("long.yaml")
        try Data(("title: [" + String(repeating: "b, ", count: 300_000) + "}\n").utf8).write(to: long)
        let validate = try bounded(["validate", modules.path])
        XCTAssertEqual(validate.status, 1, String(validate.stdout.prefix(2000)))
        XCTAssertLessThan(validate.stdout.utf8.count, 10_000, String(validate.stdout.prefix(2000)))
        // Source lines (shown as "  N | …") are windows of at most 160 characters; messages are not source.
        for line in validate.stdout.split(separator: "\n") where line.contains(" | ") {
            XCTAssertLessThan(line.count, 200, String(line.prefix(300)))
        }
        XCTAssertTrue(validate.stdout.contains("huge.yaml:1:1: error: the file is 5000008 bytes"), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("    1 | title: aaaa"), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("    1 | …b, b, "), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("a…\n"), validate.stdout)
    }
}
