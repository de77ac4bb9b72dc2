import Foundation
import XCTest

/// `cares audit` and the audit warning of `cares validate`, run as the built binary.
final class AuditCommandTests: XCTestCase {
    let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/audit").path

    /// The text with line breaks and runs of spaces as single spaces, so checks do not depend on wrapping.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func testAGameableModuleFailsTheAudit() throws {
        let output = try CaresProcess.run(["audit", fixtures + "/gameable.yaml", "--runs", "200"])
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertTrue(output.stdout.contains("gameable (pass mark 75%, 200 seeded draws)"), output.stdout)
        XCTAssertTrue(output.stdout.contains("  combined         100.0% 100.0%  s1 100.0%, s2 100.0%, s3 100.0%"), output.stdout)
        let words = Self.words(output.stdout)
        XCTAssertTrue(words.contains("above the 5.0% limit. To change: vary which option is longest"), output.stdout)
        XCTAssertTrue(words.contains("1 of 1 module can be passed by a test-wise strategy more than 5.0% of the time: gameable."), output.stdout)
        XCTAssertFalse(output.stdout.contains("\u{1B}["), "no colour through a pipe")
    }

    func testAResistantModulePassesTheAudit() throws {
        let output = try CaresProcess.run(["audit", fixtures + "/resistant.yaml", "--runs", "200"])
        XCTAssertEqual(output.status, 0, output.stdout + output.stderr)
        XCTAssertTrue(Self.words(output.stdout).contains("within the 5.0% limit"), output.stdout)
        XCTAssertTrue(output.stdout.hasSuffix("No module can be passed by a test-wise strategy more than 5.0% of the time.\n"), output.stdout)
    }

    func testJSONShapeAndDeterminism() throws {
        let arguments = ["audit", fixtures, "--runs", "150", "--format", "json"]
        let output = try CaresProcess.run(arguments)
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(try CaresProcess.run(arguments).stdout, output.stdout, "the same seeds give the same report")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Array(object.keys), ["modules"])
        let modules = try XCTUnwrap(object["modules"] as? [[String: Any]])
        XCTAssertEqual(modules.map { $0["id"] as? String }, ["gameable", "resistant"])
        XCTAssertEqual(modules.map { $0["gameable"] as? Bool }, [true, false])
        XCTAssertEqual(modules.first?["best_strategy"] as? String, "combined")
        XCTAssertEqual(modules.first?["runs"] as? Int, 150)
        let strategies = try XCTUnwrap(modules.first?["strategies"] as? [[String: Any]])
        XCTAssertEqual(
            strategies.compactMap { $0["name"] as? String },
            ["longest", "first", "false", "tick-all", "all-but-shortest", "random", "combined"])
        let longest = try XCTUnwrap(strategies.first)
        XCTAssertEqual(longest["mean_score"] as? Double, 0.5)
        XCTAssertEqual(longest["pass_probability"] as? Double, 0)
        let items = try XCTUnwrap(longest["top_items"] as? [[String: Any]])
        XCTAssertEqual(items.compactMap { $0["id"] as? String }, ["s1", "s2", "s3"])
        XCTAssertEqual(items.first?["right_rate"] as? Double, 1)
    }

    func testValidateWarnsAboutAGameableModuleAndStrictFails() throws {
        let folder = try CaresProcess.temporaryFolder(self)
        for name in ["gameable.yaml", "resistant.yaml"] {
            try FileManager.default.copyItem(atPath: fixtures + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        let output = try CaresProcess.run(["validate", folder.path])
        XCTAssertEqual(output.status, 0, output.stdout)
        XCTAssertTrue(
            output.stdout.contains("gameable.yaml:16:1: warning: a learner who never reads the lessons passes this quiz 100% of the time"),
            output.stdout)
        XCTAssertFalse(output.stdout.contains("resistant.yaml:16:1"), output.stdout)
        let strict = try CaresProcess.run(["validate", "--strict", folder.path])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stdout.contains("gameable.yaml:16:1: error: a learner who never reads the lessons"), strict.stdout)
    }

    func testBadArgumentsAndBrokenModules() throws {
        XCTAssertEqual(try CaresProcess.run(["audit", "--runs", "0", fixtures]).status, 64)
        XCTAssertEqual(try CaresProcess.run(["audit", "/nonexistent/folder"]).status, 1)
        let broken = try CaresProcess.run(
            ["audit", CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/bad/broken-choices.yaml").path])
        XCTAssertEqual(broken.status, 65)
        XCTAssertTrue(broken.stderr.contains("run: cares validate"), broken.stderr)
    }
}
