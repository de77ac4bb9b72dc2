import Foundation
import TrainingKit
import TrainingStore
import XCTest

/// A killed terminal loses nothing: `cares take` is SIGKILLed at random points (after what it
/// printed, never after a sleep); the store stays intact, every answer whose feedback was shown is
/// there, and resume continues at the next question. `CARES_KILL_RUNS` sets the count (soak: 100).
final class CrashSafetyTests: XCTestCase {
    static var runs: Int { Int(ProcessInfo.processInfo.environment["CARES_KILL_RUNS"] ?? "") ?? 10 }
    static let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path

    func testRandomKillsLoseNoAnswer() async throws {
        let home = try CaresProcess.temporaryFolder(self)
        let set = ModuleCatalog().load(paths: [Self.fixtures])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        var random = SeededGenerator(seed: 99)
        for run in 0..<Self.runs {
            let learner = "kill-\(run)"
            let seed = UInt64(run + 1)
            let database = home.appendingPathComponent("db.sqlite").path
            let script = AnswerScript(module: module, seed: seed)
            let total = script.plan.questions.count
            // Kill once the feedback of a random number of answers has been printed, or mid-lesson.
            let answersBeforeKill = random.below(total)
            let marker = answersBeforeKill == 0 ? "Lesson 1 of" : "Question \(answersBeforeKill + 1) of \(total)"
            let process = Process()
            process.executableURL = CaresProcess.binary
            process.arguments = ["take", "every-type", "--modules", Self.fixtures, "--database", database,
                                 "--learner", learner, "--seed", String(seed)]
            process.environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.path + "/c", "PATH": "/usr/bin:/bin"]
            let stdin = Pipe(), stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = FileHandle.nullDevice
            try process.run()
            let lines = answersBeforeKill == 0 ? [""] : Array(script.lines(AnswerScript.right).prefix(2 + 2 * answersBeforeKill))
            stdin.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            try CaresProcess.waitFor(marker, in: stdout.fileHandleForReading)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let store = try SQLiteStore(path: database)
            try await store.migrate()
            let integrity = try await store.integrityCheck()
            XCTAssertEqual(integrity, ["ok"], "run \(run)")
            let open = try await store.inProgressAttempts(learnerID: learner)
            let attempt = try XCTUnwrap(open.first, "run \(run)")
            let saved = try await store.responses(attemptID: attempt.id)
            XCTAssertEqual(
                saved.map(\.questionID), script.plan.questions.prefix(answersBeforeKill).map(\.question.id), "run \(run)")

            let rest = answersBeforeKill == 0
                ? script.lines(AnswerScript.right)
                : Array(script.lines(AnswerScript.right).dropFirst(2 + 2 * answersBeforeKill))
            let resumed = try CaresProcess.run(
                ["resume", "every-type", "--modules", Self.fixtures, "--database", database, "--learner", learner],
                input: rest.joined(separator: "\n") + "\n", environment: ["XDG_CONFIG_HOME": home.path + "/c"])
            XCTAssertEqual(resumed.status, 0, "run \(run): \(resumed.stderr)")
            if answersBeforeKill > 0 {
                XCTAssertTrue(resumed.stdout.contains("continuing at question \(answersBeforeKill + 1) of \(total)"), "run \(run)")
            }
            XCTAssertTrue(resumed.stdout.contains("· PASSED"), "run \(run):\n\(resumed.stdout.suffix(600))")
        }
    }
}
