import Foundation
import TrainingKit
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
