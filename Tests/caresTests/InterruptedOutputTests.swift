import Foundation
import XCTest

/// A report written to a file and stopped part-way (Ctrl-C, SIGTERM) leaves neither the file nor
/// its hidden partial copy, which would hold learners' records: "Interrupted: nothing was written
/// to FILE." and exit status 130. Each process is stopped once its partial file has grown (what
/// the folder shows, never a sleep).
final class InterruptedOutputTests: CaresCommandTestCase {
    /// Starts a report into `name` and returns once a partial copy of it holds over `bytes` bytes.
    private func startAndWaitForPartial(_ arguments: [String], name: String, bytes: Int = 256 << 10) throws -> (Process, Pipe) {
        try start(
            arguments + ["--database", database, "--modules", TakeCommandTests.fixtures],
            until: { partials(of: name).contains { fileSize(home.appendingPathComponent($0).path) > bytes } },
            what: "a partial copy of \(name) held \(bytes) bytes")
    }

    /// The hidden partial copies of `name` in the home folder.
    private func partials(of name: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: home.path)) ?? []).filter { $0.hasPrefix(".\(name).partial") }
    }

    func testAnInterruptedReportLeavesNoFileBehind() throws {
        try makeStore(at: database, learners: 80_000)
        for (signal, name) in [(SIGINT, "completions.csv"), (SIGTERM, "terminated.csv")] {
            let (process, stderr) = try startAndWaitForPartial(["report", "completions", "--format", "csv", "--output", name], name: name)
            kill(process.processIdentifier, signal)
            let said = String(decoding: stderr.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 130, said)
            XCTAssertEqual(said, "Interrupted: nothing was written to \(name).\n")
            XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent(name).path), "no report")
            XCTAssertEqual(partials(of: name), [], "no partial copy")
        }
    }
}
