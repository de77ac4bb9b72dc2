import Foundation
import XCTest

/// Runs the built `cares` binary the way a person or a script would, and captures what it printed.
struct CaresProcess {
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The folder that holds the built products (`.build/debug`).
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    static var binary: URL { productsDirectory.appendingPathComponent("cares") }

    /// The repository root, found from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs cares with arguments, piped standard input and extra environment; waits for it to exit.
    @discardableResult
    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], directory: URL? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let outData = stdout.fileHandleForReading.readAllRetryingInterrupts()
        let errData = stderr.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        return Output(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Runs cares with raw bytes on standard input (for invalid UTF-8 and control characters).
    static func runRaw(_ arguments: [String], input: Data, environment: [String: String] = [:]) throws -> Output {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cares-input-\(UUID().uuidString)")
        try input.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = try FileHandle(forReadingFrom: file)
        return try collect(process)
    }

    /// Runs a shell command line (for redirections and setpriv) and captures its output.
    static func runShell(_ command: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardInput = FileHandle.nullDevice
        return try collect(process)
    }

    /// Starts a process and collects both its outputs (standard error on another thread) and its status.
    private static func collect(_ process: Process) throws -> Output {
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let errorData = ResultData()
        let reader = Thread { errorData.data = stderr.fileHandleForReading.readAllRetryingInterrupts() }
        reader.start()
        let outData = stdout.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        while !errorData.done { usleep(1000) }
        return Output(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errorData.data, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Reads a pipe until `text` has appeared (what the program printed, never a sleep); throws after `timeout`.
    static func waitFor(_ text: String, in handle: FileHandle, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var seen = ""
        while Date() < deadline {
            let chunk = handle.readSomeRetryingInterrupts()
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if seen.contains(text) { return }
        }
        XCTFail("never saw '\(text)' in:\n\(seen.suffix(2000))")
        throw CocoaError(.fileReadUnknown)
    }

    /// A new empty folder, removed after the test.
    static func temporaryFolder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cares-e2e-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// Bytes read on another thread.
final class ResultData: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    private var finished = false

    var data: Data {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; finished = true; lock.unlock() }
    }

    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
}
