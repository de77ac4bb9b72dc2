import Foundation
import TrainingKit
import TrainingStore
import XCTest

/// `cares db backup`, `cares db check` and `cares learners deactivate|remove` run as a built binary against real files.
final class OperationsCommandTests: CaresCommandTestCase {
    static let fixtures = TakeCommandTests.fixtures


    func snapshot(_ path: String) throws -> [String] {
        try awaitResult {
            let store = try SQLiteStore(path: path)
            var lines: [String] = []
            for learner in try await store.learners() { lines.append("learner \(learner.id) \(learner.name ?? "")") }
            for attempt in try await store.attemptPage(after: nil, limit: 10_000) {
                lines.append("attempt \(attempt.id) \(attempt.learnerID) \(attempt.status.rawValue)")
                for response in try await store.responses(attemptID: attempt.id) {
                    lines.append("  \(response.questionID) \(response.answer)")
                }
            }
            await store.close()
            return lines
        }
    }

    func testBackupWhileALearnerIsTakingAModuleKeepsEveryRecord() throws {
        _ = try cares(["learners", "import", try write("roster.csv", "id,name\nrn-1,Ana Lima\nrn-2,Ben Okafor\nrn-3,Chen Wu\n")])
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        XCTAssertEqual(try take("rn-3", right: false, seed: 2).status, 0)

        // A second learner is part-way through a module in another process, holding the store open.
        let set = ModuleCatalog().load(paths: [Self.fixtures])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        let lines = AnswerScript(module: module, seed: 5).lines(AnswerScript.right)
        let process = Process()
        process.executableURL = CaresProcess.binary
        process.arguments = ["take", "every-type", "--learner", "rn-2", "--seed", "5", "--database", database, "--modules", Self.fixtures]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = home
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        stdin.fileHandleForWriting.write(Data((lines.prefix(2).joined(separator: "\n") + "\n").utf8))
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !(try snapshot(database).contains { $0.contains("rn-2 in_progress") }) {
            usleep(100_000)
        }
        let before = try snapshot(database)
        XCTAssertTrue(before.contains { $0.contains("rn-2 in_progress") }, before.joined(separator: "\n"))

        let backup = home.appendingPathComponent("backups/cares-backup.sqlite").path
        try FileManager.default.createDirectory(atPath: home.appendingPathComponent("backups").path, withIntermediateDirectories: true)
        let output = try CaresProcess.run(["db", "backup", backup, "--database", database], environment: environment)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("3 learners, 3 attempts"), output.stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)

        // Every record there before the backup is in it (the learner may have answered more since).
        let copied = try snapshot(backup)
        for line in before {
            XCTAssertTrue(copied.contains(line), "missing from the backup: \(line)")
        }
        XCTAssertTrue(copied.contains { $0.contains("rn-2 in_progress") })
        stdin.fileHandleForWriting.write(Data((lines.dropFirst(2).joined(separator: "\n") + "\n").utf8))
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()

        let check = try CaresProcess.run(["db", "check", "--database", backup], environment: environment)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("is sound: schema version \(SQLiteStore.latestSchemaVersion)"), check.stdout)

        let again = try CaresProcess.run(["db", "backup", backup, "--database", database], environment: environment)
        XCTAssertEqual(again.status, 1, "an existing backup is never overwritten")
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        XCTAssertEqual(try snapshot(backup), copied)

        let postgres = try CaresProcess.run(
            ["db", "backup", home.appendingPathComponent("pg.sqlite").path, "--database", "postgres://u@localhost/cares"],
            environment: environment)
        XCTAssertEqual(postgres.status, 64)
        XCTAssertTrue(postgres.stderr.contains("pg_dump"), postgres.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("pg.sqlite").path))
    }

    func testCheckPassesOnAGoodStoreAndFailsOnACorruptedCopy() throws {
        for seed in 1...6 { XCTAssertEqual(try take("rn-\(seed)", right: seed % 2 == 0, seed: UInt64(seed)).status, 0) }
        var output = try CaresProcess.run(["db", "check", "--database", database], environment: environment)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("integrity check ok"), output.stdout)

        let backup = home.appendingPathComponent("copy.sqlite").path
        XCTAssertEqual(try CaresProcess.run(["db", "backup", backup, "--database", database], environment: environment).status, 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        XCTAssertGreaterThan(bytes.count, 8192)
        let middle = bytes.count / 2
        for index in middle..<(middle + 2048) { bytes[index] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: backup))
        output = try CaresProcess.run(["db", "check", "--database", backup], environment: environment)
        XCTAssertEqual(output.status, 1, output.stdout + output.stderr)
        XCTAssertTrue(output.stderr.contains("problems") || output.stderr.contains("damaged"), output.stderr)

        output = try CaresProcess.run(["db", "check", "--database", home.appendingPathComponent("none.sqlite").path], environment: environment)
        XCTAssertEqual(output.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("none.sqlite").path), "check creates nothing")
    }

    /// The report as text, minus the `generated_at` line that changes with every run.
    func report(_ arguments: [String]) throws -> String {
        let output = try cares(["report"] + arguments)
        XCTAssertEqual(output.status, 0, "\(arguments): \(output.stderr)")
        return output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"generated_at\"") }.joined(separator: "\n")
    }

    func testDeactivateAndEraseKeepHistoryAndItemStatistics() throws {
        let roster = try write("roster.csv", "id,name,email,department,role\nrn-1,Ana Lima,ana.lima@example.org,Emergency,RN\nrn-2,Ben Okafor,,Emergency,RN\nrn-3,Chen Wu,,Maternity,MW\n")
        XCTAssertEqual(try cares(["learners", "import", roster]).status, 0)
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        XCTAssertEqual(try take("rn-2", right: false, seed: 2).status, 0)
        XCTAssertEqual(try take("rn-3", right: true, seed: 3).status, 0)
        let itemsBefore = try report(["items", "--module", "every-type", "--format", "json"])
        let itemsCSVBefore = try report(["items", "--module", "every-type", "--format", "csv"])
        XCTAssertTrue(try report(["due", "--format", "csv"]).contains("rn-2"))

        var output = try cares(["learners", "deactivate", "rn-2"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertFalse(try report(["due", "--format", "csv"]).contains("rn-2"), "a deactivated learner is no longer due")
        XCTAssertFalse(try report(["completions", "--format", "csv"]).contains("rn-2"))
        XCTAssertTrue(try report(["transcript", "--learner", "rn-2", "--format", "csv"]).contains("every-type"), "history kept")
        XCTAssertTrue(try report(["attempts", "--format", "csv"]).contains("rn-2"))
        XCTAssertEqual(try cares(["learners", "deactivate", "nobody"]).status, 1)

        output = try cares(["learners", "remove", "rn-1", "--reason", "Left the trust"])
        XCTAssertEqual(output.status, 64, "erasing needs --erase")
        XCTAssertTrue(output.stderr.contains("cannot be undone"), output.stderr)
        XCTAssertTrue(try report(["attempts", "--format", "csv"]).contains("Ana Lima"), "nothing erased without --erase")

        output = try cares(["learners", "remove", "rn-1", "--erase", "--reason", "Left the trust; asked for erasure"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let anonymous = try XCTUnwrap(output.stdout.range(of: #"erased-[0-9a-f]{12}"#, options: .regularExpression).map { String(output.stdout[$0]) })

        var everything = ""
        for format in ["csv", "json"] {
            for kind in ["completions", "attempts", "due"] { everything += try report([kind, "--format", format]) }
            everything += try report(["items", "--module", "every-type", "--format", format])
            everything += try report(["transcript", "--learner", anonymous, "--format", format])
        }
        everything += try report(["transcript", "--learner", "rn-3", "--format", "json"])
        everything += try cares(["learners", "list", "--format", "csv"]).stdout
        for secret in ["rn-1", "Ana Lima", "Lima", "ana.lima@example.org", "I would ask for a private moment."] {
            XCTAssertFalse(everything.contains(secret), "'\(secret)' is still in a report")
        }
        XCTAssertTrue(everything.contains(anonymous))
        XCTAssertTrue(everything.contains("learner_erased"), "the erasure is in the transcript's events")
        XCTAssertEqual(try report(["items", "--module", "every-type", "--format", "json"]), itemsBefore, "item statistics unchanged")
        XCTAssertEqual(try report(["items", "--module", "every-type", "--format", "csv"]), itemsCSVBefore)

        let store = database
        let (reflections, events) = try awaitResult {
            let store = try SQLiteStore(path: store)
            var answers: [String] = []
            for attempt in try await store.attempts(learnerID: anonymous, moduleID: nil) {
                answers += try await store.responses(attemptID: attempt.id).filter { $0.isCorrect == nil }.map(\.answer)
            }
            let events = try await store.auditEvents(learnerID: anonymous, moduleID: nil)
            await store.close()
            return (answers, events)
        }
        XCTAssertFalse(reflections.isEmpty)
        XCTAssertTrue(reflections.allSatisfy(\.isEmpty), "reflection texts are erased")
        XCTAssertEqual(events.map(\.kind), [.learnerErased])
        XCTAssertEqual(events.first?.reason, "Left the trust; asked for erasure")
        XCTAssertFalse(events.first?.osUser.isEmpty ?? true)

        XCTAssertEqual(try cares(["learners", "remove", "rn-1", "--erase", "--reason", "again"]).status, 1)
    }
}
