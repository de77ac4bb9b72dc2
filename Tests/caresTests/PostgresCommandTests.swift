import Foundation
import TrainingKit
import XCTest

@testable import TrainingStore

/// `cares take`, `resume`, `list` and `db` run as a built binary against a PostgreSQL server.
final class PostgresCommandTests: XCTestCase {
    static let fixtures = TakeCommandTests.fixtures
    var home: URL!

    override func setUpWithError() throws {
        home = try CaresProcess.temporaryFolder(self)
    }

    var environment: [String: String] {
        [
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data-home").path,
            "CARES_LEARNER": "", "CARES_DATABASE": "", "CARES_MODULES": "", "PGPASSWORD": "",
        ]
    }

    func module() throws -> Module {
        let set = ModuleCatalog().load(paths: [Self.fixtures])
        return try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
    }

    func run(_ arguments: [String], _ lines: [String] = [], database: String) throws -> CaresProcess.Output {
        try CaresProcess.run(
            arguments + ["--modules", Self.fixtures, "--database", database],
            input: lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n", environment: environment)
    }

    func testTakePauseResumeAndListAgainstPostgres() async throws {
        let schema = try await PostgresTestSchema.create(self)
        let url = schema.url()
        let script = AnswerScript(module: try module(), seed: 31)
        let all = script.lines(AnswerScript.right)
        let started = Date()
        let paused = try run(
            ["take", "every-type", "--learner", "rn-4471", "--seed", "31"], Array(all.prefix(2 + 4)) + [":pause"],
            database: url)
        XCTAssertEqual(paused.status, 0, paused.stderr)
        XCTAssertTrue(paused.stdout.contains("Paused. Your answers so far are saved."), paused.stdout)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "cares exits promptly after closing the store")

        let list = try run(["list", "--learner", "rn-4471"], database: url)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("in progress (question 3 of \(script.plan.questions.count))"), list.stdout)

        let resumed = try run(["resume", "--learner", "rn-4471"], Array(all.dropFirst(2 + 4)), database: url)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("· PASSED"), resumed.stdout)

        let store = try await schema.store()
        let attempts = try await store.attempts(learnerID: "rn-4471", moduleID: "every-type")
        let responses = try await store.responses(attemptID: try XCTUnwrap(attempts.first).id)
        await store.close()
        XCTAssertEqual(attempts.map(\.status), [.passed])
        XCTAssertEqual(attempts.first?.scorePercent, 100)
        XCTAssertEqual(attempts.first?.seed, 31)
        XCTAssertEqual(responses.map(\.questionID), script.plan.questions.map(\.question.id))
        XCTAssertEqual(responses.map(\.position), Array(1...script.plan.questions.count))

        let after = try run(["list", "--learner", "rn-4471"], database: url)
        let row = after.stdout.split(separator: "\n").first { $0.hasPrefix("every-type ") } ?? ""
        XCTAssertTrue(row.contains("passed \(TakeCommandTests.today)"), after.stdout)
        XCTAssertTrue(row.contains("100%"), after.stdout)

        // Coordinators report on the same records, on the shared store.
        let completions = try run(["report", "completions", "--format", "csv"], database: url)
        XCTAssertEqual(completions.status, 0, completions.stderr)
        let learnerRow = completions.stdout.components(separatedBy: "\r\n").first { $0.hasPrefix("rn-4471,") } ?? ""
        XCTAssertTrue(learnerRow.contains(",every-type,"), completions.stdout)
        XCTAssertTrue(learnerRow.contains(",passed,"), completions.stdout)
        let code = try run(["certificate", "--module", "every-type", "--learner", "rn-4471", "--output", "-"], database: url)
        XCTAssertEqual(code.status, 0, code.stderr)
        let items = try run(["report", "items", "--module", "every-type", "--format", "json"], database: url)
        XCTAssertEqual(items.status, 0, items.stderr)
        XCTAssertTrue(items.stdout.contains("\"facility\": 1"), items.stdout)
    }

    func testDbCopyFromASQLiteFileIsIdempotent() async throws {
        let schema = try await PostgresTestSchema.create(self)
        let sqlite = home.appendingPathComponent("pilot.sqlite").path
        let script = AnswerScript(module: try module(), seed: 7)
        let passed = try run(
            ["take", "every-type", "--learner", "rn-4471", "--seed", "7"], script.lines(AnswerScript.right),
            database: sqlite)
        XCTAssertEqual(passed.status, 0, passed.stderr)
        let paused = try run(
            ["take", "every-type", "--learner", "sw-0002", "--seed", "7"],
            Array(script.lines(AnswerScript.wrong).prefix(2 + 2)) + [":pause"], database: sqlite)
        XCTAssertEqual(paused.status, 0, paused.stderr)
        let questions = script.plan.questions.count

        let url = schema.url(password: "not-shown")
        let first = try CaresProcess.run(["db", "copy", "--from", sqlite, "--to", url], environment: environment)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stdout.contains("not-shown"), first.stdout)
        XCTAssertTrue(first.stdout.contains("postgres://\(schema.base.user):***@"), first.stdout)
        XCTAssertTrue(Self.line("learners", in: first.stdout).contains("2 copied, 0 already there"), first.stdout)
        XCTAssertTrue(Self.line("module versions", in: first.stdout).contains("1 copied, 0 already there"), first.stdout)
        XCTAssertTrue(Self.line("attempts", in: first.stdout).contains("2 copied, 0 already there"), first.stdout)
        XCTAssertTrue(
            Self.line("answers", in: first.stdout).contains("\(questions + 1) copied, 0 already there"), first.stdout)

        let second = try CaresProcess.run(["db", "copy", "--from", sqlite, "--to", url], environment: environment)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(Self.line("learners", in: second.stdout).contains("0 copied, 2 already there"), second.stdout)
        XCTAssertTrue(Self.line("attempts", in: second.stdout).contains("0 copied, 2 already there"), second.stdout)
        XCTAssertTrue(
            Self.line("answers", in: second.stdout).contains("0 copied, \(questions + 1) already there"), second.stdout)

        // The records match the pilot's, and the shared store serves the learner as before.
        let source = try SQLiteStore(path: sqlite)
        let target = try await schema.store()
        for learner in ["rn-4471", "sw-0002"] {
            let expected = try await source.attempts(learnerID: learner, moduleID: nil)
            let copied = try await target.attempts(learnerID: learner, moduleID: nil)
            XCTAssertEqual(copied, expected, learner)
            for attempt in expected {
                let answers = try await source.responses(attemptID: attempt.id)
                let copiedAnswers = try await target.responses(attemptID: attempt.id)
                XCTAssertEqual(copiedAnswers, answers, learner)
            }
        }
        await target.close()
        let list = try run(["list", "--learner", "sw-0002"], database: schema.url())
        XCTAssertTrue(list.stdout.contains("in progress (question 2 of \(questions))"), list.stdout)
    }

    func testDbMigrateCreatesThenFindsTheSchemaCurrent() async throws {
        let schema = try await PostgresTestSchema.create(self)
        let url = schema.url(password: "hunter2")
        let created = try CaresProcess.run(["db", "migrate", "--database", url], environment: environment)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("Created the record store"), created.stdout)
        XCTAssertTrue(created.stdout.contains("schema version \(RecordStore.latestSchemaVersion)."), created.stdout)
        XCTAssertFalse(created.stdout.contains("hunter2"), created.stdout)
        let again = try CaresProcess.run(["db", "migrate"], environment: environment.merging(["CARES_DATABASE": url]) { $1 })
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("is up to date: schema version \(RecordStore.latestSchemaVersion)."), again.stdout)
    }

    func testDbCheckFindsMissingTablesAndPassesOnceMigrated() async throws {
        let schema = try await PostgresTestSchema.create(self)
        let url = schema.url(password: "hunter2")
        let empty = try CaresProcess.run(["db", "check", "--database", url], environment: environment)
        XCTAssertEqual(empty.status, 1, empty.stderr)
        XCTAssertTrue(empty.stderr.contains("table learners is missing"), empty.stderr)
        XCTAssertTrue(empty.stderr.contains("cares db migrate"), empty.stderr)
        XCTAssertEqual(try CaresProcess.run(["db", "migrate", "--database", url], environment: environment).status, 0)
        let good = try CaresProcess.run(["db", "check", "--database", url], environment: environment)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stdout.contains("is sound: schema version \(RecordStore.latestSchemaVersion), every table present."), good.stdout)
        XCTAssertFalse(good.stdout.contains("hunter2") || empty.stderr.contains("hunter2"))
        let backup = try CaresProcess.run(["db", "backup", NSTemporaryDirectory() + "cares-pg-\(UUID()).sqlite", "--database", url], environment: environment)
        XCTAssertEqual(backup.status, 64)
        XCTAssertTrue(backup.stderr.contains("pg_dump"), backup.stderr)
    }

    func testAnUnreachableServerOrABadURLExits74WithoutThePassword() throws {
        let unreachable = try CaresProcess.run(
            ["list", "--modules", Self.fixtures, "--database", "postgres://cares:pw-123@127.0.0.1:9/cares?sslmode=disable"],
            environment: environment)
        XCTAssertEqual(unreachable.status, 74, unreachable.stderr)
        XCTAssertTrue(unreachable.stderr.contains("127.0.0.1:9"), unreachable.stderr)
        XCTAssertFalse(unreachable.stderr.contains("pw-123"), unreachable.stderr)

        let bad = try CaresProcess.run(
            ["db", "migrate", "--database", "postgresql://cares:pw-123@db.example.org/cares?sslmode=sometimes"],
            environment: environment)
        XCTAssertEqual(bad.status, 74, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("sslmode 'sometimes'"), bad.stderr)
        XCTAssertFalse(bad.stderr.contains("pw-123"), bad.stderr)

        let same = try CaresProcess.run(["db", "copy", "--from", "a.sqlite", "--to", "a.sqlite"], environment: environment)
        XCTAssertEqual(same.status, 64, same.stderr)
        let missing = try CaresProcess.run(
            ["db", "copy", "--from", home.appendingPathComponent("none.sqlite").path, "--to", "b.sqlite"],
            environment: environment, directory: home)
        XCTAssertEqual(missing.status, 74, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("there is no record store at"), missing.stderr)
    }

    /// A password with an unencoded `@` followed by `/`, `?` or `#` (#18 item 7): no piece of it in
    /// `config show`, nor in the error of a command that cannot reach the server, nor looked up as a host.
    func testAnUnencodedPasswordNeverShowsInPieces() throws {
        let password = "Zq@Xv/Wk?Jm#Yp"
        let pieces = ["Zq", "Xv", "Wk", "Jm", "Yp"]
        let url = "postgres://cares:\(password)@127.0.0.1:9/cares?sslmode=disable"
        var env = environment
        env["CARES_DATABASE"] = url
        env["CARES_SYSTEM_CONFIG"] = home.appendingPathComponent("none.yaml").path
        let shown = try CaresProcess.run(["config", "show"], environment: env)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("postgres://cares:***@127.0.0.1:9/cares"), shown.stdout)
        let list = try CaresProcess.run(["list", "--modules", Self.fixtures], environment: env)
        XCTAssertEqual(list.status, 74, list.stderr)
        XCTAssertTrue(list.stderr.contains("127.0.0.1:9"), "the host after the last @ is the one connected to: \(list.stderr)")
        for piece in pieces {
            XCTAssertFalse(shown.stdout.contains(piece) || shown.stderr.contains(piece), shown.stdout + shown.stderr)
            XCTAssertFalse(list.stdout.contains(piece) || list.stderr.contains(piece), list.stderr)
        }
    }

    /// The line of the copy report that starts with `label`.
    static func line(_ label: String, in output: String) -> String {
        output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix(label + " ") } ?? ""
    }
}
