import Foundation
import XCTest

@testable import TrainingStore

/// What only the PostgreSQL backend promises: migrations under races, privileges, many terminals at once.
final class PostgresStoreTests: XCTestCase {
    private var server: PostgresTestServer?

    override func tearDown() async throws {
        await server?.tearDown()
        try await super.tearDown()
    }

    private func makeServer() async throws -> PostgresTestServer {
        let server = try await PostgresTestServer.create()
        self.server = server
        return server
    }

    func testManyTerminalsMigratingAtOnceCreateTheSchemaOnce() async throws {
        let server = try await makeServer()
        var stores: [PostgresStore] = []
        for _ in 0..<8 { stores.append(try await server.store()) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in stores { group.addTask { try await store.migrate() } }
            try await group.waitForAll()
        }
        for store in stores {
            let version = try await store.schemaVersion()
            XCTAssertEqual(version, PostgresStore.latestSchemaVersion)
        }
        try await stores[0].startAttempt(Fixture.attempt(), module: Fixture.module())
    }

    func testANewerSchemaIsRefused() async throws {
        let server = try await makeServer()
        let store = try await server.store()
        try await store.migrate()
        try await store.execute(sql: "INSERT INTO schema_migrations (version, name) VALUES (99, 'v99-from-the-future')")
        let known = ShippedMigration.all.count
        do {
            try await store.migrate()
            XCTFail("a newer schema must be refused")
        } catch let error as StoreError {
            XCTAssertEqual(error, .schemaTooNew(found: known + 1, supported: known))
        }
    }

    func testAnUnreachableServerIsNamedWithoutThePassword() async throws {
        let port = try Self.closedPort()
        let location = try PostgresLocation(
            url: "postgres://cares:s3cret-pw@127.0.0.1:\(port)/cares?sslmode=disable&connect_timeout=5")
        do {
            let store = try await PostgresStore.connect(location)
            await store.close()
            XCTFail("nothing listens on port \(port)")
        } catch let error as StoreError {
            XCTAssertTrue(error.description.contains("127.0.0.1:\(port)"), error.description)
            XCTAssertTrue(error.description.contains("cannot connect"), error.description)
            XCTAssertFalse(error.description.contains("s3cret-pw"), error.description)
        }
    }

    /// A server that goes away while a store is open is named within seconds, with the refusal,
    /// not after the pool's one-minute circuit breaker as a full server.
    func testAServerThatGoesAwayIsReportedWithinSeconds() async throws {
        let server = try await makeServer()
        let proxy = Process()
        proxy.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".ci/tcp-proxy.py")
        proxy.arguments = ["python3", script.path, server.base.host, String(server.base.port)]
        let output = Pipe()
        proxy.standardOutput = output
        try proxy.run()
        defer { if proxy.isRunning { proxy.terminate() } }
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try XCTUnwrap(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)), "the proxy's port: '\(line)'")
        var location = server.location
        location.host = "127.0.0.1"
        location.port = port
        let store = try await server.store(location)
        try await store.migrate()
        _ = try await store.learners()
        // Once the pooled connection has closed (idle), "the server" goes away.
        try await Task.sleep(for: PostgresStore.idleTimeout * 2)
        kill(proxy.processIdentifier, SIGKILL)
        proxy.waitUntilExit()
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try await store.learners()
            XCTFail("the server is gone")
        } catch let error as StoreError {
            XCTAssertTrue(error.description.contains("cannot connect"), error.description)
            XCTAssertTrue(error.description.contains("that the server is running"), error.description)
            XCTAssertFalse(error.description.contains("no free connection"), error.description)
        }
        XCTAssertLessThan(clock.now - started, PostgresStore.busyServerWait / 2, "reported before the pool gives up")
    }

    /// The grants of docs/deploy-postgres.md are enough for every command once the owner has migrated.
    func testAnAppRoleWithTheDocumentedGrantsWorksWithoutCreate() async throws {
        let server = try await makeServer()
        let owner = try await server.store()
        try await owner.migrate()
        let role = "cares_app_" + server.schema.suffix(12)
        try await owner.execute(
            sql: """
                CREATE ROLE \(role) LOGIN;
                GRANT USAGE ON SCHEMA \(server.schema) TO \(role);
                GRANT SELECT, INSERT, UPDATE ON learners, module_versions, attempts, responses TO \(role);
                GRANT SELECT ON schema_migrations TO \(role)
                """)
        var location = server.location
        location.user = role
        location.password = nil
        let attempt = Fixture.attempt()
        var failure: (any Error)?
        do {
            let app = try await server.store(location)
            try await app.migrate()
            try await app.startAttempt(attempt, module: Fixture.module())
            try await app.recordResponse(Fixture.response(attempt.id, "q1", answer: "a", position: 1))
            try await app.finishAttempt(
                id: attempt.id, status: .passed, points: 1, maxPoints: 1, scorePercent: 100, at: Fixture.date(2_000))
            try await app.saveLearner(Learner(id: "rn-2", fromRoster: true))
            _ = try await app.importLearner(Learner(id: "rn-3"))
            // It may not change the schema.
            do {
                try await app.execute(sql: "DROP TABLE responses")
                XCTFail("the app role must not drop tables")
            } catch let error as StoreError {
                XCTAssertTrue(error.description.contains("lacks a permission"), error.description)
            }
            await app.close()
        } catch {
            failure = error
        }
        try await owner.execute(sql: "DROP OWNED BY \(role); DROP ROLE \(role)")
        if let failure { throw failure }
        let stored = try await owner.responses(attemptID: attempt.id)
        XCTAssertEqual(stored.map(\.answer), ["a"])
        let learners = try await owner.learners()
        XCTAssertEqual(learners.map(\.id), ["rn-2", "rn-3", "rn-4471"])
    }

    /// At least 20 learners answering at once, each through a connection of their own.
    func testTwentyFourLearnersAnsweringAtOnceLoseNothing() async throws {
        let server = try await makeServer()
        let setup = try await server.store()
        try await setup.migrate()
        let learners = (1...24).map { String(format: "rn-%02d", $0) }
        let questions = 10
        var stores: [PostgresStore] = []
        for _ in learners { stores.append(try await server.store()) }
        let attemptIDs = try await withThrowingTaskGroup(of: (String, UUID).self) { group in
            for (learner, store) in zip(learners, stores) {
                group.addTask {
                    let attempt = Fixture.attempt(learner: learner, startedAt: 1_700_000_000_000)
                    try await store.startAttempt(attempt, module: Fixture.module())
                    for position in 1...questions {
                        try await store.recordResponse(
                            Fixture.response(
                                attempt.id, "q\(position)", answer: "\(learner)-\(position)", position: position,
                                at: 1_700_000_000_000 + Int64(position)))
                    }
                    try await store.finishAttempt(
                        id: attempt.id, status: .passed, points: 10, maxPoints: 10, scorePercent: 100,
                        at: Fixture.date(1_700_000_100_000))
                    return (learner, attempt.id)
                }
            }
            var ids: [String: UUID] = [:]
            for try await (learner, id) in group { ids[learner] = id }
            return ids
        }
        XCTAssertEqual(attemptIDs.count, learners.count)
        for learner in learners {
            let attempts = try await setup.attempts(learnerID: learner, moduleID: nil)
            XCTAssertEqual(attempts.map(\.status), [.passed], learner)
            let responses = try await setup.responses(attemptID: try XCTUnwrap(attemptIDs[learner]))
            XCTAssertEqual(responses.map(\.answer), (1...questions).map { "\(learner)-\($0)" }, learner)
        }
        let all = try await setup.learners()
        XCTAssertEqual(all.map(\.id), learners)
    }

    /// Two terminals racing: one attempt in progress per learner and module, one answer per question.
    func testRacingTerminalsKeepTheConstraints() async throws {
        let server = try await makeServer()
        let setup = try await server.store()
        try await setup.migrate()
        var stores: [PostgresStore] = []
        for _ in 0..<10 { stores.append(try await server.store()) }

        let started = try await withThrowingTaskGroup(of: UUID?.self) { group in
            for store in stores {
                group.addTask {
                    let attempt = Fixture.attempt(learner: "rn-1")
                    do {
                        try await store.startAttempt(attempt, module: Fixture.module())
                        return attempt.id
                    } catch StoreError.attemptInProgress {
                        return nil
                    }
                }
            }
            var ids: [UUID] = []
            for try await id in group { if let id { ids.append(id) } }
            return ids
        }
        XCTAssertEqual(started.count, 1, "exactly one start wins")
        let attemptID = try XCTUnwrap(started.first)

        let recorded = try await withThrowingTaskGroup(of: Bool.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    do {
                        try await store.recordResponse(Fixture.response(attemptID, "q1", answer: "\(index)", position: 1))
                        return true
                    } catch StoreError.duplicateResponse {
                        return false
                    }
                }
            }
            var count = 0
            for try await won in group where won { count += 1 }
            return count
        }
        XCTAssertEqual(recorded, 1, "exactly one answer per question")
        let responses = try await setup.responses(attemptID: attemptID)
        XCTAssertEqual(responses.count, 1)
    }

    /// A TCP port on 127.0.0.1 with nothing listening.
    private static func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw XCTSkip("no socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw XCTSkip("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
