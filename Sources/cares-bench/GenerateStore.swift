import ArgumentParser
import Foundation
import TrainingKit
import TrainingStore

/// Writes a SQLite record store with many learners, attempts and responses, in bulk.
struct GenerateStore: ParsableCommand, @unchecked Sendable {  // its options are only read
    static let configuration = CommandConfiguration(commandName: "store", abstract: "Write a synthetic SQLite record store.")

    @Option(help: "Learners.") var learners = 100_000
    @Option(help: "Attempts in all.") var attempts = 1_000_000
    @Option(help: "Responses per attempt.") var responses = 4
    @Option(help: "Modules the attempts are spread over.") var modules = 10
    @Option(help: "The database file (replaced).") var output: String
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: output + suffix) }
        let semaphore = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let command = self
        Task {
            do {
                try await StoreLocation.sqlite(path: command.output).withStore { store in try await command.write(to: store) }
            } catch {
                failure.error = error
            }
            semaphore.signal()
        }
        semaphore.wait()
        if let error = failure.error { throw error }
        print("wrote \(learners) learners, \(attempts) attempts, \(attempts * responses) responses to \(output)")
    }

    /// Writes the records through the store's own statements, in transactions of `batch` attempts.
    private func write(to store: RecordStore) async throws {
        var random = SeededGenerator(seed: seed)
        let departments = ["Emergency", "Obstetrics", "Paediatrics", "Psychiatry", "Nursing", "Social Work", "Primary Care"]
        let roles = ["RN", "MD", "SW", "NP", "HCA"]
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let snapshots = (0..<modules).map { module in
            ModuleSnapshotRecord(
                snapshot: ModuleSnapshot(
                    moduleID: "module-\(module)", version: "1.0.0", title: "Module \(module)", contentHash: "hash-\(module)",
                    passMark: 80, validForDays: 365, maxAttempts: 3),
                recordedAt: start)
        }
        let people = (0..<learners).map { index in
            let id = String(format: "staff-%06d", index)
            return Learner(
                id: id, name: "Learner \(index)", email: "\(id)@example.org", department: departments[index % departments.count],
                role: roles[index % roles.count], isActive: true, fromRoster: true, createdAt: start, updatedAt: start)
        }
        try await store.load(learners: people, modules: snapshots)
        let batch = 50_000
        var written = 0
        while written < attempts {
            var records: [Attempt] = []
            var answers: [Response] = []
            for index in written..<min(attempts, written + batch) {
                let id = UUID(uuid: Self.uuidBytes(UInt64(index), seed))
                let module = (index / learners + random.below(modules)) % modules
                let started = start.addingTimeInterval(Double(random.below(700 * 86_400)))
                let finished = started.addingTimeInterval(Double(300 + random.below(1500)))
                let correct = (0..<responses).map { _ in random.below(10) < 8 }
                let points = Double(correct.filter { $0 }.count)
                let percent = responses == 0 ? 0 : points / Double(responses) * 100
                records.append(
                    Attempt(
                        id: id, learnerID: String(format: "staff-%06d", index % learners), moduleID: "module-\(module)",
                        moduleVersion: "1.0.0", contentHash: "hash-\(module)", seed: UInt64(index), questionCount: responses,
                        startedAt: started, finishedAt: finished, status: percent >= 80 ? .passed : .failed, points: points,
                        maxPoints: Double(responses), scorePercent: percent, osUser: "bench", host: "bench"))
                for (position, right) in correct.enumerated() {
                    answers.append(
                        Response(
                            attemptID: id, questionID: "q\(position)", answer: "a", isCorrect: right, points: right ? 1 : 0,
                            maxPoints: 1, position: position + 1, answeredAt: finished))
                }
            }
            try await store.load(attempts: records, responses: answers)
            written = min(attempts, written + batch)
        }
    }

    static func uuidBytes(_ index: UInt64, _ seed: UInt64) -> uuid_t {
        var random = SeededGenerator(seed: index &* 0x9E37_79B9 &+ seed)
        let a = random.next(), b = random.next()
        return (
            UInt8(truncatingIfNeeded: a), UInt8(truncatingIfNeeded: a >> 8), UInt8(truncatingIfNeeded: a >> 16),
            UInt8(truncatingIfNeeded: a >> 24), UInt8(truncatingIfNeeded: a >> 32), UInt8(truncatingIfNeeded: a >> 40),
            UInt8(truncatingIfNeeded: (a >> 48) & 0x0F | 0x40), UInt8(truncatingIfNeeded: a >> 56),
            UInt8(truncatingIfNeeded: b & 0x3F | 0x80), UInt8(truncatingIfNeeded: b >> 8), UInt8(truncatingIfNeeded: b >> 16),
            UInt8(truncatingIfNeeded: b >> 24), UInt8(truncatingIfNeeded: b >> 32), UInt8(truncatingIfNeeded: b >> 40),
            UInt8(truncatingIfNeeded: b >> 48), UInt8(truncatingIfNeeded: b >> 56))
    }
}

/// Carries an error out of a task.
final class FailureBox: @unchecked Sendable {
    var error: Error?
}
