import Foundation
import TrainingKit
import TrainingStore
import XCTest

/// `cares take`, `resume` and `list` run as a built binary with piped answers.
final class TakeCommandTests: XCTestCase {
    static let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
    var home: URL!
    var database: String { home.appendingPathComponent("data/cares.sqlite").path }

    override func setUpWithError() throws {
        home = try CaresProcess.temporaryFolder(self)
    }

    var environment: [String: String] {
        [
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data-home").path,
            "CARES_LEARNER": "", "CARES_DATABASE": "", "CARES_MODULES": "",
        ]
    }

    func module(_ id: String = "every-type", folder: String = fixtures) throws -> Module {
        let set = ModuleCatalog().load(paths: [folder])
        return try XCTUnwrap(set.module(id: id)).fillingPlaceholders(set.site?.facts ?? [:])
    }

    func take(
        _ lines: [String], seed: UInt64, learner: String = "rn-4471", module id: String = "every-type",
        folder: String = fixtures
    ) throws -> CaresProcess.Output {
        try CaresProcess.run(
            ["take", id, "--modules", folder, "--database", database, "--learner", learner, "--seed", String(seed)],
            input: lines.joined(separator: "\n") + "\n", environment: environment)
    }

    func store() async throws -> SQLiteStore {
        let store = try SQLiteStore(path: database)
        try await store.migrate()
        return store
    }

    func testPassRunRecordsTheScore() async throws {
        let script = AnswerScript(module: try module(), seed: 11)
        let output = try take(script.lines(AnswerScript.right), seed: 11)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("· PASSED"), output.stdout)
        XCTAssertTrue(output.stdout.contains("Recorded for rn-4471"))
        XCTAssertTrue(output.stdout.contains("Certificate: cares certificate --module every-type"))
        XCTAssertTrue(output.stdout.contains("If this brought something up for you, contact the on-call social worker"), "closing with placeholders filled")
        let attempts = try await store().attempts(learnerID: "rn-4471", moduleID: "every-type")
        XCTAssertEqual(attempts.count, 1)
        XCTAssertEqual(attempts[0].status, .passed)
        XCTAssertEqual(attempts[0].scorePercent, 100)
        XCTAssertEqual(attempts[0].seed, 11)
        XCTAssertEqual(attempts[0].maxPoints, Double(script.plan.maxPoints))
        let responses = try await store().responses(attemptID: attempts[0].id)
        XCTAssertEqual(responses.map(\.questionID), script.plan.questions.map(\.question.id))
        XCTAssertTrue(responses.allSatisfy { $0.isCorrect != false })
        if let alone = responses.first(where: { $0.questionID == "alone" }) {
            XCTAssertEqual(alone.answer, "a", "the canonical choice id, not the shown letter")
        }
    }

    func testFailRunRecordsTheScoreAndAttemptsLeft() async throws {
        let script = AnswerScript(module: try module(), seed: 12)
        let output = try take(script.lines(AnswerScript.wrong), seed: 12)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("· NOT PASSED"), output.stdout)
        XCTAssertTrue(output.stdout.contains("You have 2 attempts left."), output.stdout)
        XCTAssertTrue(output.stdout.contains("→ review lesson"), output.stdout)
        let attempt = try await XCTUnwrapAsync(try await store().attempts(learnerID: "rn-4471", moduleID: "every-type").first)
        XCTAssertEqual(attempt.status, .failed)
        XCTAssertEqual(attempt.points, 0)
        XCTAssertEqual(attempt.scorePercent, 0)
    }

    func testAttemptsRunOut() async throws {
        for earlier in 0..<3 {
            let script = AnswerScript(module: try module(), seed: 3, after: Array(repeating: 3, count: earlier))
            let output = try take(script.lines(AnswerScript.wrong), seed: 3)
            XCTAssertEqual(output.status, 0)
            XCTAssertTrue(output.stdout.contains("· NOT PASSED"), output.stdout)
        }
        let refused = try take(AnswerScript(module: try module(), seed: 3).lines(AnswerScript.right), seed: 3)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("You have used all 3 attempts"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("cares attempts grant"))
        let attempts = try await store().attempts(learnerID: "rn-4471", moduleID: "every-type")
        XCTAssertEqual(attempts.count, 3, "a refused attempt is not recorded")
    }

    func testACoolDownAfterAFailIsShownAndEnforced() throws {
        let folder = home.appendingPathComponent("modules")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: Self.fixtures)
        try FileManager.default.copyItem(at: source.appendingPathComponent("site.yaml"), to: folder.appendingPathComponent("site.yaml"))
        let text = try String(contentsOf: source.appendingPathComponent("every-type.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "\nmax_attempts: 3\n", with: "\nmax_attempts: 3\nretake_after_hours: 24\n")
            .write(to: folder.appendingPathComponent("every-type.yaml"), atomically: true, encoding: .utf8)
        let script = AnswerScript(module: try module(folder: folder.path), seed: 12)
        let failed = try take(script.lines(AnswerScript.wrong), seed: 12, folder: folder.path)
        XCTAssertTrue(failed.stdout.contains("attempt is possible after"), failed.stdout)
        let list = try CaresProcess.run(
            ["list", "--modules", folder.path, "--database", database, "--learner", "rn-4471"], environment: environment)
        XCTAssertTrue(list.stdout.contains("failed — next attempt after 20"), list.stdout)
        let refused = try take(script.lines(AnswerScript.right), seed: 13, folder: folder.path)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("is possible after"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("(local time)"), refused.stderr)
    }

    func testInvalidInputIsAskedAgain() throws {
        let script = AnswerScript(module: try module(), seed: 5)
        var lines = script.lines(AnswerScript.right)
        lines.insert(contentsOf: ["zzz", "\u{1B}[31mred", ":nonsense", "?", ":hint", ":back"], at: 2)
        let output = try take(lines, seed: 5)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("Unknown command. Type ? for help."))
        XCTAssertTrue(output.stdout.contains(":pause    save and stop here"))
        XCTAssertTrue(output.stdout.contains("Answers can't be changed once recorded"))
        XCTAssertFalse(output.stdout.contains("\u{1B}[31m"), "input is never echoed raw")
        XCTAssertTrue(output.stdout.contains("· PASSED"))
    }

    func testPauseAndResumeByCommand() async throws {
        let script = AnswerScript(module: try module(), seed: 21)
        let all = script.lines(AnswerScript.right)
        let firstPart = Array(all.prefix(2 + 4)) + [":pause"]
        let paused = try take(firstPart, seed: 21)
        XCTAssertEqual(paused.status, 0)
        XCTAssertTrue(paused.stdout.contains("Paused. Your answers so far are saved."), paused.stdout)
        XCTAssertTrue(paused.stdout.contains("cares resume every-type"))
        let list = try CaresProcess.run(
            ["list", "--modules", Self.fixtures, "--database", database, "--learner", "rn-4471"], environment: environment)
        XCTAssertTrue(list.stdout.contains("in progress (question 3 of \(script.plan.questions.count))"), list.stdout)
        let rest = Array(all.dropFirst(2 + 4))
        let resumed = try CaresProcess.run(
            ["resume", "--modules", Self.fixtures, "--database", database, "--learner", "rn-4471"],
            input: rest.joined(separator: "\n") + "\n", environment: environment)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("continuing at question 3 of"), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains("· PASSED"), resumed.stdout)
    }

    /// Paused at "Press Enter to see your result": resuming says every question is answered and
    /// shows the result (never "question 7 of 6").
    func testPauseAfterTheLastAnswerResumesToTheResult() async throws {
        let script = AnswerScript(module: try module(), seed: 22)
        let total = script.plan.questions.count
        let paused = try take(Array(script.lines(AnswerScript.right).dropLast()) + [":pause"], seed: 22)
        XCTAssertEqual(paused.status, 0, paused.stderr)
        XCTAssertTrue(paused.stdout.contains("Press Enter to see your result."), paused.stdout)
        XCTAssertTrue(paused.stdout.contains("Paused. Your answers so far are saved."), paused.stdout)
        let list = try CaresProcess.run(
            ["list", "--modules", Self.fixtures, "--database", database, "--learner", "rn-4471"], environment: environment)
        XCTAssertFalse(list.stdout.contains("question \(total + 1) of"), list.stdout)
        XCTAssertTrue(list.stdout.contains("in progress (all answered; resume to see the result)"), list.stdout)
        let resumed = try CaresProcess.run(
            ["resume", "--modules", Self.fixtures, "--database", database, "--learner", "rn-4471"], input: "",
            environment: environment)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertFalse(resumed.stdout.contains("question \(total + 1) of"), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains("all \(total) questions are answered"), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains("· PASSED"), resumed.stdout)
        let stored = try await store()
        let attempts = try await stored.attempts(learnerID: "rn-4471", moduleID: "every-type")
        XCTAssertEqual(attempts.map(\.status), [.passed])
    }

    func testEndOfInputSavesAndExits() throws {
        let script = AnswerScript(module: try module(), seed: 8)
        let output = try take(Array(script.lines(AnswerScript.right).prefix(4)), seed: 8)
        XCTAssertEqual(output.status, 0)
        XCTAssertTrue(output.stdout.contains("Paused. Your answers so far are saved."))
        XCTAssertEqual(output.stderr, "")
    }

    func testKilledAfterThreeAnswersResumesAtTheFourth() async throws {
        let script = AnswerScript(module: try module(), seed: 31)
        let all = script.lines(AnswerScript.right)
        let process = Process()
        process.executableURL = CaresProcess.binary
        process.arguments = ["take", "every-type", "--modules", Self.fixtures, "--database", database, "--learner", "rn-4471", "--seed", "31"]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Answer three questions, then wait until the fourth is on screen.
        stdin.fileHandleForWriting.write(Data((Array(all.prefix(2 + 6)).joined(separator: "\n") + "\n").utf8))
        let total = script.plan.questions.count
        try CaresProcess.waitFor("Question 4 of \(total)", in: stdout.fileHandleForReading, timeout: 20)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        let sqlite = try await store()
        let integrity = try await sqlite.integrityCheck()
        XCTAssertEqual(integrity, ["ok"])
        let attempt = try await XCTUnwrapAsync(try await sqlite.inProgressAttempts(learnerID: "rn-4471").first)
        let saved = try await sqlite.responses(attemptID: attempt.id)
        XCTAssertEqual(saved.map(\.questionID), script.plan.questions.prefix(3).map(\.question.id))

        let rest = Array(all.dropFirst(2 + 6))
        let resumed = try CaresProcess.run(
            ["resume", "every-type", "--modules", Self.fixtures, "--database", database, "--learner", "rn-4471"],
            input: rest.joined(separator: "\n") + "\n", environment: environment)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("continuing at question 4 of \(total)"), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains("Question 4 of \(total)"))
        XCTAssertFalse(resumed.stdout.contains("Question 3 of \(total)"))
        XCTAssertTrue(resumed.stdout.contains("· PASSED"), resumed.stdout)
        let finished = try await sqlite.responses(attemptID: attempt.id)
        XCTAssertEqual(finished.count, total)
        XCTAssertEqual(Array(finished.prefix(3)), saved, "the first three answers are intact")
    }

    func testListShowsEachStatus() async throws {
        let folder = try CaresProcess.temporaryFolder(self)
        let source = try String(contentsOfFile: Self.fixtures + "/every-type.yaml", encoding: .utf8)
        for id in ["mod-pass", "mod-fail", "mod-progress", "mod-expired", "mod-new"] {
            try source.replacingOccurrences(of: "id: every-type", with: "id: \(id)")
                .write(to: folder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        try String(contentsOfFile: Self.fixtures + "/site.yaml", encoding: .utf8)
            .replacingOccurrences(of: "[every-type]", with: "[mod-new]")
            .write(to: folder.appendingPathComponent("site.yaml"), atomically: true, encoding: .utf8)
        let passing = AnswerScript(module: try module("mod-pass", folder: folder.path), seed: 1)
        XCTAssertEqual(try take(passing.lines(AnswerScript.right), seed: 1, module: "mod-pass", folder: folder.path).status, 0)
        let failing = AnswerScript(module: try module("mod-fail", folder: folder.path), seed: 1)
        XCTAssertEqual(try take(failing.lines(AnswerScript.wrong), seed: 1, module: "mod-fail", folder: folder.path).status, 0)
        let progress = AnswerScript(module: try module("mod-progress", folder: folder.path), seed: 1)
        _ = try take(Array(progress.lines(AnswerScript.right).prefix(4)), seed: 1, module: "mod-progress", folder: folder.path)
        // A pass from two years ago has expired (valid_for_days: 365).
        let sqlite = try await store()
        let old = Date().addingTimeInterval(-730 * 86_400)
        let expiredModule = try module("mod-expired", folder: folder.path)
        let attempt = Attempt(
            learnerID: "rn-4471", moduleID: "mod-expired", moduleVersion: "1.2.0", contentHash: expiredModule.contentHash,
            seed: 1, questionCount: 7, startedAt: old)
        try await sqlite.startAttempt(
            attempt,
            module: ModuleSnapshot(moduleID: "mod-expired", version: "1.2.0", title: "x", contentHash: expiredModule.contentHash, passMark: 80, validForDays: 365))
        try await sqlite.finishAttempt(id: attempt.id, status: .passed, points: 9, maxPoints: 9, scorePercent: 100, at: old)

        let list = try CaresProcess.run(
            ["list", "--modules", folder.path, "--database", database, "--learner", "rn-4471"], environment: environment)
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        func row(_ id: String) -> String { lines.first { $0.hasPrefix(id + " ") } ?? "" }
        XCTAssertTrue(row("mod-pass").contains("passed \(Self.today)"), list.stdout)
        XCTAssertTrue(row("mod-pass").contains("100%"))
        XCTAssertTrue(row("mod-fail").contains("failed — 2 attempts left"), list.stdout)
        XCTAssertTrue(row("mod-progress").contains("in progress (question 2 of"), list.stdout)
        XCTAssertTrue(row("mod-expired").contains("due — expired"), list.stdout)
        XCTAssertTrue(row("mod-new").contains("due — not started"), list.stdout)
    }

    func testRememberedLearnerIsConfirmedAndRosterRefusesStrangers() async throws {
        let script = AnswerScript(module: try module(), seed: 2)
        var env = environment
        env["CARES_LEARNER"] = nil
        let first = try CaresProcess.run(
            ["take", "every-type", "--modules", Self.fixtures, "--database", database, "--seed", "2"],
            input: (["sw-2207"] + script.lines(AnswerScript.right)).joined(separator: "\n") + "\n", environment: environment)
        XCTAssertTrue(first.stdout.contains("Who is taking this training? Enter your staff ID:"), first.stdout)
        XCTAssertTrue(first.stdout.contains("Remembered for next time"))
        let second = try CaresProcess.run(
            ["take", "every-type", "--modules", Self.fixtures, "--database", database, "--seed", "2"],
            input: ":pause\n", environment: environment)
        XCTAssertTrue(second.stdout.contains("Continue as sw-2207?"), second.stdout)
        // A stray key at that prompt is confirmed, and declining keeps the remembered learner.
        let remembered = URL(fileURLWithPath: environment["XDG_CONFIG_HOME"] ?? "").appendingPathComponent("cares/learner")
        let stray = try CaresProcess.run(
            ["take", "every-type", "--modules", Self.fixtures, "--database", database, "--seed", "2"],
            input: "a\n\n", environment: environment)
        XCTAssertTrue(stray.stdout.contains("Take this training as a, not sw-2207? (y/N):"), stray.stdout)
        XCTAssertTrue(
            stray.stdout.components(separatedBy: "(y/N):").last?.contains("Continue as sw-2207?") == true, "asked again after declining")
        XCTAssertEqual(try String(contentsOf: remembered, encoding: .utf8), "sw-2207\n")
        let other = try CaresProcess.run(
            ["take", "every-type", "--modules", Self.fixtures, "--database", database, "--seed", "2"],
            input: "rn-9\ny\n", environment: environment)
        XCTAssertTrue(other.stdout.contains("Take this training as rn-9, not sw-2207?"), other.stdout)
        XCTAssertEqual(try String(contentsOf: remembered, encoding: .utf8), "rn-9\n", "a confirmed switch is remembered")

        let sqlite = try await store()
        try await sqlite.saveLearner(Learner(id: "md-1180", name: "Pat", fromRoster: true))
        let stranger = try take([""], seed: 2, learner: "xx-0001")
        XCTAssertEqual(stranger.status, 1)
        XCTAssertTrue(stranger.stderr.contains("xx-0001 is not on this site's roster"), stranger.stderr)
    }

    func testUnknownModuleSuggestsTheClosest() throws {
        let output = try take([""], seed: 1, module: "every-typ")
        XCTAssertEqual(output.status, 1)
        XCTAssertTrue(output.stderr.contains("there is no module 'every-typ'"))
        XCTAssertTrue(output.stderr.contains("Did you mean 'every-type'?"))
    }

    func testModuleChangedSinceTheAttemptBeganStartsAFreshAttempt() async throws {
        let folder = try CaresProcess.temporaryFolder(self)
        try FileManager.default.copyItem(atPath: Self.fixtures + "/site.yaml", toPath: folder.appendingPathComponent("site.yaml").path)
        let path = folder.appendingPathComponent("every-type.yaml")
        try FileManager.default.copyItem(atPath: Self.fixtures + "/every-type.yaml", toPath: path.path)
        let script = AnswerScript(module: try module(folder: folder.path), seed: 4)
        _ = try take(Array(script.lines(AnswerScript.right).prefix(4)), seed: 4, folder: folder.path)
        let changed = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "Privacy comes first.", with: "Privacy always comes first.")
        try changed.write(to: path, atomically: true, encoding: .utf8)
        let output = try CaresProcess.run(
            ["resume", "--modules", folder.path, "--database", database, "--learner", "rn-4471"],
            input: ":pause\n", environment: environment)
        XCTAssertTrue(output.stdout.contains("has changed since you started this attempt"), output.stdout)
        let attempts = try await store().attempts(learnerID: "rn-4471", moduleID: "every-type")
        XCTAssertEqual(attempts.map(\.status), [.abandoned, .inProgress])
    }

    static var today: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

}

/// `XCTUnwrap` for an async expression.
func XCTUnwrapAsync<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    try XCTUnwrap(value, file: file, line: line)
}
