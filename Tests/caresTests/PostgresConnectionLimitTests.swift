import Foundation
import TrainingKit
import XCTest

@testable import TrainingStore

/// Many learners, few connections (#18 item 14): `cares take` processes answering with pauses
/// against a login that may hold only 20 connections at once lose nothing and see no error, and
/// hold no connection while they wait for input.
///
/// The limit is the role's `CONNECTION LIMIT 20`, which refuses the 21st connection with the same
/// SQLSTATE 53300 (too_many_connections) as a server with `max_connections = 20`, without a second
/// server. `CARES_PG_LEARNERS` sets the number of learners (soak: 200; default 40).
final class PostgresConnectionLimitTests: XCTestCase {
    static var learners: Int { Int(ProcessInfo.processInfo.environment["CARES_PG_LEARNERS"] ?? "") ?? 40 }
    static let connectionLimit = 20

    func testManyLearnersShareTwentyConnectionsAndHoldNoneWhileWaiting() async throws {
        signal(SIGPIPE, SIG_IGN)
        let schema = try await PostgresTestSchema.create(self)
        let home = try CaresProcess.temporaryFolder(self)
        let setup = try await schema.store()
        let role = "cares_few_" + schema.name.suffix(12)
        try await setup.execute(
            sql: """
                CREATE ROLE \(role) LOGIN CONNECTION LIMIT \(Self.connectionLimit);
                GRANT USAGE ON SCHEMA \(schema.name) TO \(role);
                GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA \(schema.name) TO \(role)
                """)
        addTeardownBlock {
            try? await setup.execute(sql: "DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)")
            await setup.close()
        }
        let url = schema.url(user: role, applicationName: role)
        let fixtures = TakeCommandTests.fixtures
        let set = ModuleCatalog().load(paths: [fixtures])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        let count = Self.learners
        let scripts = (0..<count).map { AnswerScript(module: module, seed: UInt64(500 + $0)) }
        // Half the questions, then every learner waits at a prompt until the check below is done.
        let half = 2 + 2 * (scripts[0].plan.questions.count / 2)
        let allLines = scripts.map { $0.lines(AnswerScript.right) }
        let questionIDs = scripts.map { $0.plan.questions.map(\.question.id) }
        let barrier = DispatchSemaphore(value: 0)
        let outputs = ProcessOutputs()
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                let output = try? PacedCares.run(
                    ["take", "every-type", "--modules", fixtures, "--database", url, "--learner", "staff-\(index)",
                     "--seed", String(500 + index)],
                    lines: allLines[index], waitAfter: half, barrier: barrier,
                    environment: [
                        "XDG_CONFIG_HOME": home.path + "/c-\(index)", "XDG_DATA_HOME": home.path + "/d-\(index)",
                        "CARES_LEARNER": "", "CARES_DATABASE": "", "CARES_MODULES": "", "PGPASSWORD": "",
                    ])
                outputs.add(index, output)
                group.leave()
            }
        }
        // Every learner has stored the first half of their answers and now waits for input: none holds a connection.
        let firstHalf = (half - 2) / 2
        let everyoneWaiting = try await Self.poll {
            let stored = try await Self.storedAnswers(setup)
            return stored.count == count && stored.values.allSatisfy { $0 >= firstHalf }
        }
        // Idle connections close after one second; 15 s is ample on a busy machine, and far shorter than a
        // pool that keeps idle connections for a minute (the cares before #18 held them that long).
        let held = try await Self.poll(seconds: 15) { try await Self.connections(setup, role: role) == 0 }
        for _ in 0..<count { barrier.signal() }
        group.wait()
        XCTAssertTrue(everyoneWaiting, "every learner stored \(firstHalf) answers")
        XCTAssertTrue(held, "learners waiting at a prompt hold no connection")

        for index in 0..<count {
            let output = try XCTUnwrap(outputs.get(index), "staff-\(index) did not run")
            XCTAssertEqual(output.status, 0, "staff-\(index): \(output.stderr)")
            XCTAssertEqual(output.stderr, "", "staff-\(index)")
            XCTAssertTrue(output.stdout.contains("· PASSED"), "staff-\(index)")
            let attempts = try await setup.attempts(learnerID: "staff-\(index)", moduleID: "every-type")
            XCTAssertEqual(attempts.map(\.status), [.passed], "staff-\(index)")
            let responses = try await setup.responses(attemptID: try XCTUnwrap(attempts.first).id)
            XCTAssertEqual(responses.map(\.questionID), questionIDs[index], "staff-\(index)")
        }
    }

    /// Answers stored per learner.
    static func storedAnswers(_ store: PostgresStore) async throws -> [String: Int] {
        try await store.database.read { connection in
            var counts: [String: Int] = [:]
            let rows = try await connection.rows(
                """
                SELECT a.learner_id AS learner, count(r.question_id) AS n
                FROM attempts a LEFT JOIN responses r ON r.attempt_id = a.id GROUP BY a.learner_id
                """, [])
            for row in rows {
                let learner: String = try row["learner"]
                let count: Int64 = try row["n"]
                counts[learner] = Int(count)
            }
            return counts
        }
    }

    /// Connections the role has open now.
    static func connections(_ store: PostgresStore, role: String) async throws -> Int {
        let count: Int64? = try await store.database.read { connection in
            try await connection.value(
                "SELECT count(*) AS n FROM pg_stat_activity WHERE usename = ?", [role], column: "n")
        }
        return Int(count ?? -1)
    }

    /// Checks `condition` every 100 ms until it holds (true) or `seconds` have passed (false).
    static func poll(seconds: TimeInterval = 120, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }
}

/// Runs `cares` with its input typed line by line with short pauses, as a person would.
enum PacedCares {
    /// Writes `lines` with 20–150 ms between them, waiting on `barrier` after the first `waitAfter`.
    static func run(
        _ arguments: [String], lines: [String], waitAfter: Int, barrier: DispatchSemaphore, environment: [String: String]
    ) throws -> CaresProcess.Output {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        let process = try SpawnedProcess.start(CaresProcess.binary.path, arguments, environment: env)
        let stdin = process.input
        let writer = Thread {
            for (index, line) in lines.enumerated() {
                if index == waitAfter { barrier.wait() }
                usleep(UInt32.random(in: 20_000...150_000))
                try? stdin.write(contentsOf: Data((line + "\n").utf8))
            }
            try? stdin.close()
        }
        writer.start()
        let errors = ResultData()
        let reader = Thread { errors.data = process.errors.readAllRetryingInterrupts() }
        reader.start()
        let out = process.output.readAllRetryingInterrupts()
        let status = process.wait()
        while !errors.done { usleep(1000) }
        return CaresProcess.Output(
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: errors.data, as: UTF8.self),
            status: status)
    }
}
