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
        try start(arguments, until: { fileSize(wal) > bytes }, what: "it had written \(bytes) bytes to \(wal)")
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
        try makeStore(at: source, learners: 100_000)
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
