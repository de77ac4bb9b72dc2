import Foundation
import TrainingKit
import TrainingStore
import XCTest

/// Several staff on one workstation: 8 `cares take` processes on one SQLite file at once.
final class ConcurrencyTests: XCTestCase {
    func testEightProcessesOnOneSQLiteFileLoseNothing() async throws {
        let home = try CaresProcess.temporaryFolder(self)
        let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
        let set = ModuleCatalog().load(paths: [fixtures])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        let database = home.appendingPathComponent("shared.sqlite").path
        let outputs = ProcessOutputs()
        let group = DispatchGroup()
        for index in 0..<8 {
            group.enter()
            Thread.detachNewThread {
                let script = AnswerScript(module: module, seed: UInt64(100 + index))
                let output = try? CaresProcess.run(
                    ["take", "every-type", "--modules", fixtures, "--database", database, "--learner", "staff-\(index)",
                     "--seed", String(100 + index)],
                    input: script.lines(AnswerScript.right).joined(separator: "\n") + "\n",
                    environment: ["XDG_CONFIG_HOME": home.path + "/c-\(index)"])
                outputs.add(index, output)
                group.leave()
            }
        }
        group.wait()
        let store = try SQLiteStore(path: database)
        try await store.migrate()
        for index in 0..<8 {
            let output = try XCTUnwrap(outputs.get(index))
            XCTAssertEqual(output.status, 0, "staff-\(index): \(output.stderr)")
            XCTAssertFalse(output.stderr.lowercased().contains("locked"), output.stderr)
            XCTAssertTrue(output.stdout.contains("· PASSED"), "staff-\(index)")
            let attempts = try await store.attempts(learnerID: "staff-\(index)", moduleID: "every-type")
            XCTAssertEqual(attempts.map(\.status), [.passed])
            let plan = QuizPlan(module: module, seed: UInt64(100 + index))
            let responses = try await store.responses(attemptID: try XCTUnwrap(attempts.first).id)
            XCTAssertEqual(responses.map(\.questionID), plan.questions.map(\.question.id))
        }
    }
}

/// Collects results from threads.
final class ProcessOutputs: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: CaresProcess.Output] = [:]

    func add(_ index: Int, _ value: CaresProcess.Output?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> CaresProcess.Output? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
