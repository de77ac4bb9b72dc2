import Foundation
import TrainingKit
import TrainingStore
import XCTest

/// Shared set-up of the coordinator and operations tests: a home folder, a database in it, and
/// helpers that run the built binary against them.
class CaresCommandTestCase: XCTestCase {
    var home: URL!
    /// The seeds of each learner's recorded attempts, oldest first, so a retake's script matches its draw.
    var seedsTaken: [String: [UInt64]] = [:]
    var database: String { home.appendingPathComponent("data/cares.sqlite").path }

    override func setUpWithError() throws {
        home = try CaresProcess.temporaryFolder(self)
    }

    var environment: [String: String] {
        [
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data-home").path,
            "CARES_LEARNER": "", "CARES_DATABASE": "", "CARES_MODULES": "", "TZ": "UTC",
        ]
    }

    @discardableResult
    func cares(_ arguments: [String], input: String = "") throws -> CaresProcess.Output {
        try CaresProcess.run(
            arguments + ["--database", database, "--modules", TakeCommandTests.fixtures], input: input, environment: environment,
            directory: home)
    }

    func take(_ learner: String, right: Bool, seed: UInt64) throws -> CaresProcess.Output {
        let set = ModuleCatalog().load(paths: [TakeCommandTests.fixtures])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        let script = AnswerScript(module: module, seed: seed, after: seedsTaken[learner] ?? [])
        let lines = script.lines(right ? AnswerScript.right : AnswerScript.wrong)
        let output = try cares(["take", "every-type", "--learner", learner, "--seed", String(seed)], input: lines.joined(separator: "\n") + "\n")
        if output.status == 0 { seedsTaken[learner, default: []].append(seed) }
        return output
    }

    /// Starts cares with `arguments` in the home folder and returns once `ready` holds (checked
    /// every 2 ms for up to two minutes), with its standard error; fails naming `what` it awaited.
    func start(_ arguments: [String], until ready: () -> Bool, what: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CaresProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = home
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stderr = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning {
            if ready() { return (process, stderr) }
            usleep(2_000)
        }
        XCTFail("cares finished or stalled before \(what)")
        throw CocoaError(.fileReadUnknown)
    }

    /// Makes a SQLite store at `path` holding `count` learners (rn-0, rn-1, …) and nothing else.
    func makeStore(at path: String, learners count: Int) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try awaitResult {
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            let now = Date()
            try await store.load(learners: (0..<count).map {
                Learner(id: "rn-\($0)", name: "Person \($0)", email: "p\($0)@example.org", createdAt: now, updatedAt: now)
            })
            await store.close()
        }
    }

    /// The size of the file at `path`, 0 when there is none.
    func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = home.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs async store code from a synchronous test helper.
    func awaitResult<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try XCTUnwrap(box.result).get()
    }
}
