import Foundation
import TrainingKit
import TrainingStore
import XCTest

/// One learner in two terminals on the same attempt (#18 item 1), as two real `cares` processes
/// whose answers interleave through pipes, on SQLite and on PostgreSQL: the stored answers are the
/// truth. The terminal whose answer or finish comes second is refused with a message and exit 1
/// (README: a refusal), and shows no verdict or result for anything that was not stored; the
/// finished record's score is the sum of its stored answers.
final class TwoTerminalsTests: XCTestCase {
    static let fixtures = TakeCommandTests.fixtures
    static let verdicts = ["Correct.", "Partly right:", "Not quite.", "Skipped — no credit", "Thank you for reflecting."]
    var home: URL!

    override func setUpWithError() throws {
        home = try CaresProcess.temporaryFolder(self)
        signal(SIGPIPE, SIG_IGN)
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

    func testSecondAnswerToAQuestionIsRefusedOnSQLite() async throws {
        let database = home.appendingPathComponent("shared.sqlite").path
        try await secondAnswerIsRefused(database: database) { try await StoreLocation(database).withStore(migrate: true, $0) }
    }

    func testSecondAnswerToAQuestionIsRefusedOnPostgres() async throws {
        let schema = try await PostgresTestSchema.create(self)
        try await secondAnswerIsRefused(database: schema.url()) { try await StoreLocation(schema.url()).withStore(migrate: true, $0) }
    }

    func testFinishAfterAnotherTerminalsIsRefusedOnSQLite() async throws {
        let database = home.appendingPathComponent("shared.sqlite").path
        try await secondFinishIsRefused(database: database) { try await StoreLocation(database).withStore(migrate: true, $0) }
    }

    func testFinishAfterAnotherTerminalsIsRefusedOnPostgres() async throws {
        let schema = try await PostgresTestSchema.create(self)
        try await secondFinishIsRefused(database: schema.url()) { try await StoreLocation(schema.url()).withStore(migrate: true, $0) }
    }

    typealias Inspect = (@Sendable (RecordStore) async throws -> Stored) async throws -> Stored

    /// What the store holds for the learner's one attempt.
    struct Stored: Sendable {
        var attempt: Attempt
        var responses: [Response]
    }

    static func stored(_ store: RecordStore) async throws -> Stored {
        let attempts = try await store.attempts(learnerID: "rn-1", moduleID: "every-type")
        guard attempts.count == 1, let attempt = attempts.first else { throw CocoaError(.fileReadUnknown) }
        return Stored(attempt: attempt, responses: try await store.responses(attemptID: attempt.id))
    }

    /// A answers question 1; B resumes and answers question 2 (wrongly); A's answer to question 2 is
    /// refused; B answers the rest and finishes.
    func secondAnswerIsRefused(database: String, inspect: Inspect) async throws {
        let script = AnswerScript(module: try module(), seed: 41)
        let questions = script.plan.questions
        let total = questions.count
        let common = ["--modules", Self.fixtures, "--database", database, "--learner", "rn-1"]
        let a = try Terminal(["take", "every-type", "--seed", "41"] + common, environment: environment)
        a.type(["", ":skip", AnswerScript.right(questions[0]), ""])
        try a.waitFor("Question 2 of \(total)")
        let b = try Terminal(["resume", "every-type"] + common, environment: environment)
        try b.waitFor("Question 2 of \(total)")
        b.type([AnswerScript.wrong(questions[1])])
        try b.waitFor("Press Enter for the next question.")
        a.type([AnswerScript.right(questions[1])])
        let first = a.finish()
        b.type([""] + questions.dropFirst(2).flatMap { [AnswerScript.right($0), ""] })
        let second = b.finish()

        XCTAssertEqual(first.status, 1, "A is refused: \(first.stdout)\n\(first.stderr)")
        XCTAssertTrue(first.stderr.contains("continued in another terminal"), first.stderr)
        XCTAssertTrue(first.stderr.contains("was not saved"), first.stderr)
        XCTAssertEqual(Self.verdictCount(first.stdout), 1, "A shows a verdict for its one stored answer only:\n\(first.stdout)")
        XCTAssertFalse(first.stdout.contains("Score "), first.stdout)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(Self.verdictCount(second.stdout), total - 1, second.stdout)

        let stored = try await inspect { try await Self.stored($0) }
        XCTAssertEqual(stored.responses.map(\.questionID), questions.map(\.question.id))
        XCTAssertNotEqual(stored.responses[1].isCorrect, true, "B's wrong answer to question 2 stands")
        try Self.checkScore(stored, shown: second.stdout)
    }

    /// A answers every question and waits at "Press Enter to see your result"; B resumes and
    /// finishes the attempt; A's Enter is refused and shows no result.
    func secondFinishIsRefused(database: String, inspect: Inspect) async throws {
        let script = AnswerScript(module: try module(), seed: 43)
        let total = script.plan.questions.count
        let common = ["--modules", Self.fixtures, "--database", database, "--learner", "rn-1"]
        let a = try Terminal(["take", "every-type", "--seed", "43"] + common, environment: environment)
        a.type(Array(script.lines(AnswerScript.right).dropLast()))
        try a.waitFor("Press Enter to see your result.")
        let b = try Terminal(["resume", "every-type"] + common, environment: environment)
        b.type([])
        let second = b.finish()
        a.type([""])
        let first = a.finish()

        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("all \(total) questions are answered"), second.stdout)
        XCTAssertEqual(Self.verdictCount(second.stdout), 0, second.stdout)
        XCTAssertEqual(first.status, 1, "A is refused: \(first.stdout)\n\(first.stderr)")
        XCTAssertTrue(first.stderr.contains("closed meanwhile"), first.stderr)
        XCTAssertFalse(first.stdout.contains("Score "), "A shows no result of its own:\n\(first.stdout)")
        XCTAssertEqual(Self.verdictCount(first.stdout), total)

        let stored = try await inspect { try await Self.stored($0) }
        XCTAssertEqual(stored.responses.count, total)
        try Self.checkScore(stored, shown: second.stdout)
    }

    /// The record's points are the sum of its stored answers', and the score shown is the record's.
    static func checkScore(_ stored: Stored, shown: String) throws {
        let points = stored.responses.reduce(0) { $0 + $1.points }
        let maxPoints = stored.responses.reduce(0) { $0 + $1.maxPoints }
        XCTAssertNotEqual(stored.attempt.status, .inProgress)
        XCTAssertEqual(try XCTUnwrap(stored.attempt.points), points, accuracy: 0.0001)
        XCTAssertEqual(try XCTUnwrap(stored.attempt.maxPoints), maxPoints, accuracy: 0.0001)
        XCTAssertEqual(try XCTUnwrap(stored.attempt.scorePercent), points / maxPoints * 100, accuracy: 0.01)
        let line = shown.split(separator: "\n").first { $0.hasPrefix("Score ") }.map(String.init) ?? ""
        XCTAssertTrue(line.hasPrefix("Score \(Self.points(points)) of \(Self.points(maxPoints)) "), "\(line) vs \(points)/\(maxPoints)")
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }

    static func verdictCount(_ output: String) -> Int {
        output.split(separator: "\n").filter { line in verdicts.contains { line.contains($0) } }.count
    }
}

/// A running `cares` process whose input is typed in steps and whose output is read as it comes.
final class Terminal: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let lock = NSLock()
    private var output = Data()
    private let errors = ResultData()
    private var readDone = false

    init(_ arguments: [String], environment: [String: String]) throws {
        process.executableURL = CaresProcess.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = input
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let reader = Thread { [self] in
            while true {
                let chunk = stdout.fileHandleForReading.readSomeRetryingInterrupts()
                lock.withLock {
                    if chunk.isEmpty { readDone = true } else { output.append(chunk) }
                }
                if chunk.isEmpty { break }
            }
        }
        reader.start()
        let errors = self.errors
        let errorReader = Thread { errors.data = stderr.fileHandleForReading.readAllRetryingInterrupts() }
        errorReader.start()
    }

    var stdout: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

    func type(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        try? input.fileHandleForWriting.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Waits until the output so far contains `text` (what the program printed, not a sleep); throws after 30 s or at its end.
    func waitFor(_ text: String) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let (seen, done) = lock.withLock { (String(decoding: output, as: UTF8.self), readDone) }
            if seen.contains(text) { return }
            if done { break }
            usleep(10_000)
        }
        XCTFail("never saw '\(text)' in:\n\(stdout.suffix(2000))")
        throw CocoaError(.fileReadUnknown)
    }

    /// Closes the input, waits for the process to exit, and returns what it printed.
    func finish() -> CaresProcess.Output {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        while !(lock.withLock { readDone }) || !errors.done { usleep(1000) }
        return CaresProcess.Output(stdout: stdout, stderr: String(decoding: errors.data, as: UTF8.self), status: process.terminationStatus)
    }
}
