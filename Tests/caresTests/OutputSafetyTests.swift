import Foundation
import XCTest

/// `--output` writes only to regular files, character devices and standard output: FIFOs, sockets
/// and other users' files in shared folders are refused at once, with nothing written.
final class OutputSafetyTests: XCTestCase {
    static let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
    var home: URL!

    override func setUpWithError() throws {
        home = try CaresProcess.temporaryFolder(self)
    }

    /// The commands that take `--output`, writing to `path`.
    func commands(_ path: String) -> [[String]] {
        [
            ["schema", "--output", path],
            ["preview", "every-type", "--modules", Self.fixtures, "--output", path],
            ["export", "gift", "every-type", "--modules", Self.fixtures, "--output", path],
            ["report", "attempts", "--format", "csv", "--output", path, "--modules", Self.fixtures,
             "--database", home.appendingPathComponent("db.sqlite").path],
        ]
    }

    /// Runs cares bounded by `timeout` (so a hang fails the test instead of stalling the run).
    func bounded(_ arguments: [String]) throws -> CaresProcess.Output {
        let quoted = ([CaresProcess.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try CaresProcess.runShell(
            "cd '\(home.path)' && XDG_CONFIG_HOME='\(home.path)/config' timeout -s KILL 30 \(quoted) < /dev/null")
    }

    func shell(_ command: String) throws {
        let result = try CaresProcess.runShell(command)
        XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
    }

    func assertRefused(_ path: String, because reason: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for arguments in commands(path) {
            let result = try bounded(arguments)
            XCTAssertEqual(result.status, 73, "\(arguments): \(result.stdout)\(result.stderr)", file: file, line: line)
            XCTAssertTrue(result.stderr.contains(reason), "\(arguments): \(result.stderr)", file: file, line: line)
            XCTAssertTrue(result.stderr.contains("nothing was written"), result.stderr, file: file, line: line)
            XCTAssertFalse(result.stderr.contains("Wrote"), result.stderr, file: file, line: line)
        }
    }

    func testFIFOWithNoReaderIsRefusedWithoutHanging() throws {
        let fifo = home.appendingPathComponent("out.csv").path
        try shell("mkfifo '\(fifo)'")
        try assertRefused(fifo, because: "FIFO")
    }

    func testFIFOWithAReaderIsRefusedAndGetsNothing() throws {
        let fifo = home.appendingPathComponent("out.html").path
        try shell("mkfifo '\(fifo)'")
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(reader, 0)
        defer { close(reader) }
        try assertRefused(fifo, because: "FIFO")
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(reader, &buffer, buffer.count)
        XCTAssertLessThanOrEqual(count, 0, "cares wrote \(count) bytes into the FIFO")
    }

    func testSymlinkToAFIFOIsRefused() throws {
        let fifo = home.appendingPathComponent("pipe").path
        let link = home.appendingPathComponent("report.csv").path
        try shell("mkfifo '\(fifo)' && ln -s '\(fifo)' '\(link)'")
        try assertRefused(link, because: "FIFO")
    }

    func testSocketIsRefused() throws {
        let socketPath = home.appendingPathComponent("s.sock").path
        try shell("python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind(\"\(socketPath)\")'")
        try assertRefused(socketPath, because: "socket")
    }

    /// Another user's file (or symlink) in a world-writable folder, sticky like /tmp or not, is left alone.
    func testAnotherUsersFileInASharedFolderIsRefused() throws {
        guard geteuid() == 0 else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("CI runs as root and can chown to nobody") }
            throw XCTSkip("needs root to give a file to another user")
        }
        for mode in ["1777", "0777", "0770"] {
            let shared = home.appendingPathComponent("shared-\(mode)")
            let planted = shared.appendingPathComponent("report.csv").path
            let link = shared.appendingPathComponent("link.csv").path
            try shell(
                "mkdir '\(shared.path)' && chmod \(mode) '\(shared.path)' && echo planted > '\(planted)' "
                    + "&& chown nobody '\(planted)' && ln -s /dev/null '\(link)' && chown -h nobody '\(link)'")
            try assertRefused(planted, because: "belongs to another user")
            try assertRefused(link, because: "belongs to another user")
            XCTAssertEqual(try String(contentsOfFile: planted, encoding: .utf8), "planted\n")
        }
        // In a folder only its owner may write to, a file is replaced as usual.
        let own = home.appendingPathComponent("own")
        let file = own.appendingPathComponent("schema.json").path
        try shell("mkdir '\(own.path)' && chmod 0755 '\(own.path)' && echo old > '\(file)' && chown nobody '\(file)'")
        let result = try bounded(["schema", "--output", file])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testDevNullAndStandardOutputStillWork() throws {
        for arguments in commands("/dev/null") {
            let result = try bounded(arguments)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        }
        let schema = try bounded(["schema", "--output", "-"])
        XCTAssertEqual(schema.status, 0, schema.stderr)
        XCTAssertTrue(schema.stdout.contains("\"$schema\""), schema.stdout)
        let report = try bounded(commands("-")[3])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("-").path))
    }
}
