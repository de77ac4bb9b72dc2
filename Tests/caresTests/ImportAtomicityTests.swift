import Foundation
import TrainingStore
import XCTest

/// Imports are all-or-nothing (#18 item 2): a roster import or a `db copy` killed, interrupted or
/// failing part-way leaves the records as they were. Each process is stopped once its uncommitted
/// work has reached the `-wal` file (what the file shows, never a sleep).
final class ImportAtomicityTests: CaresCommandTestCase {
    func roster(_ count: Int) throws -> String {
        var text = "id,name,email,department\n"
        text.reserveCapacity(count * 48)
        for number in 0..<count { text += "rn-\(number),Person \(number),p\(number)@example.org,Ward \(number % 40)\n" }
        return try write("big-roster.csv", text)
    }

    func learnerCount(_ path: String) throws -> Int {
        try awaitResult {
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            let count = try await store.learners().count
            await store.close()
            return count
        }
    }

    /// Starts cares with `arguments` and returns once `wal` holds over `bytes` bytes.
    func startAndWaitForLog(_ arguments: [String], wal: String, bytes: Int = 1 << 20) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CaresProcess.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stderr = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning {
            let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if size > bytes { return (process, stderr) }
            usleep(2_000)
        }
        XCTFail("the import finished or stalled before it had written \(bytes) bytes to \(wal)")
        throw CocoaError(.fileReadUnknown)
    }

    func testAKilledRosterImportLeavesNoNewLearner() throws {
        XCTAssertEqual(try cares(["learners", "import", try write("one.csv", "id\nrn-first\n")]).status, 0)
        let file = try roster(200_000)
        let (process, _) = try startAndWaitForLog(
            ["learners", "import", file, "--database", database], wal: database + "-wal")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(try learnerCount(database), 1, "a killed import leaves only what was there before")
    }

    func testCtrlCDuringARosterImportSaysNothingWasImported() throws {
        XCTAssertEqual(try cares(["learners", "import", try write("one.csv", "id\nrn-first\n")]).status, 0)
        let file = try roster(200_000)
        let (process, stderr) = try startAndWaitForLog(
            ["learners", "import", file, "--database", database], wal: database + "-wal")
        kill(process.processIdentifier, SIGINT)
        let said = String(decoding: stderr.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130, said)
        XCTAssertTrue(said.contains("Interrupted: nothing was imported."), said)
        XCTAssertEqual(try learnerCount(database), 1)
    }

    func testCtrlCDuringADatabaseCopySaysNothingWasCopied() throws {
        let source = home.appendingPathComponent("source.sqlite").path
        let target = home.appendingPathComponent("target.sqlite").path
        try awaitResult {
            let store = try SQLiteStore(path: source)
            try await store.migrate()
            let now = Date()
            try await store.load(learners: (0..<100_000).map {
                Learner(id: "rn-\($0)", name: "Person \($0)", email: "p\($0)@example.org", createdAt: now, updatedAt: now)
            })
            await store.close()
        }
        let (process, stderr) = try startAndWaitForLog(["db", "copy", "--from", source, "--to", target], wal: target + "-wal")
        kill(process.processIdentifier, SIGINT)
        let said = String(decoding: stderr.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130, said)
        XCTAssertTrue(said.contains("Interrupted: nothing was copied."), said)
        XCTAssertEqual(try learnerCount(target), 0)
    }

    func testAFIFONamedLikeARosterIsRefusedAtOnce() throws {
        let fifo = home.appendingPathComponent("roster.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let output = try cares(["learners", "import", fifo])
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertTrue(output.stderr.contains("is not a regular file"), output.stderr)
    }

    func testAFIFONamedLikeAGIFTFileIsRefusedAtOnce() throws {
        let fifo = home.appendingPathComponent("questions.gift").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let output = try CaresProcess.run(["import", "gift", fifo, "--output", home.appendingPathComponent("questions.yaml").path])
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertTrue(output.stderr.contains("is not a regular file"), output.stderr)
    }
}
