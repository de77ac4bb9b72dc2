import Foundation
import XCTest

/// `.ci/lrs-stub.py` as a child process: a scripted xAPI endpoint, or a gateway to a real LRS
/// that stops listening after a number of requests.
final class LRSStub {
    let process = Process()
    let port: Int
    let log: URL

    var endpoint: String { "http://127.0.0.1:\(port)/xAPI" }

    /// Starts the stub with these arguments (`--script …` or `--forward URL --stop-after N`), on `port` (0: any).
    init(_ arguments: [String], folder: URL, port: Int = 0) throws {
        let portFile = folder.appendingPathComponent("stub-\(UUID().uuidString).port")
        log = folder.appendingPathComponent("stub-requests.jsonl")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", CaresProcess.repositoryRoot.appendingPathComponent(".ci/lrs-stub.py").path,
            "--port", String(port), "--port-file", portFile.path, "--log", log.path,
        ] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let value = Int(text) {
                self.port = value
                return
            }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        process.terminate()
        throw XCTSkip("the LRS stub did not start (is python3 installed?)")
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Waits until the stub has stopped on its own (after `--stop-after`).
    func waitForExit() { process.waitUntilExit() }

    /// The requests received so far: method, path, headers and body of each.
    func requests() throws -> [[String: Any]] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }
}
