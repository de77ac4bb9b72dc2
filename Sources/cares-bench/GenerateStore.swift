import ArgumentParser
import Foundation
import GRDB
import TrainingKit
import TrainingStore

/// Writes a SQLite record store with many learners, attempts and responses, in bulk.
struct GenerateStore: ParsableCommand {
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
        let path = output
        let failure = FailureBox()
        Task {
            do {
                let store = try SQLiteStore(path: path)
                try await store.migrate()
            } catch {
                failure.error = error
            }
            semaphore.signal()
        }
        semaphore.wait()
        if let error = failure.error { throw error }
        let queue = try DatabaseQueue(path: output)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
        }
        var random = SeededGenerator(seed: seed)
        let departments = ["Emergency", "Obstetrics", "Paediatrics", "Psychiatry", "Nursing", "Social Work", "Primary Care"]
        let roles = ["RN", "MD", "SW", "NP", "HCA"]
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        try queue.write { db in
            for module in 0..<modules {
                try db.execute(
                    sql: "INSERT INTO module_versions (module_id, version, title, content_hash, pass_mark, valid_for_days, max_attempts, recorded_at) VALUES (?, '1.0.0', ?, ?, 80, 365, 3, '2023-11-14 22:13:20.000')",
                    arguments: ["module-\(module)", "Module \(module)", "hash-\(module)"])
            }
            let learner = try db.makeStatement(
                sql: "INSERT INTO learners (id, name, email, department, role, is_active, from_roster, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 1, '2023-11-14 22:13:20.000', '2023-11-14 22:13:20.000')")
            for index in 0..<learners {
                let id = String(format: "staff-%06d", index)
                try learner.execute(arguments: [
                    id, "Learner \(index)", "\(id)@example.org", departments[index % departments.count], roles[index % roles.count],
                ])
            }
        }
        let attempt = "INSERT INTO attempts (id, learner_id, module_id, module_version, content_hash, seed, question_count, started_at, finished_at, status, points, max_points, score_percent, os_user, host) VALUES (?, ?, ?, '1.0.0', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', 'bench')"
        let response = "INSERT INTO responses (attempt_id, question_id, answer, is_correct, points, max_points, skipped, position, answered_at) VALUES (?, ?, 'a', ?, ?, 1, 0, ?, ?)"
        let batch = 50_000
        var written = 0
        while written < attempts {
            try queue.write { db in
                let insertAttempt = try db.makeStatement(sql: attempt)
                let insertResponse = try db.makeStatement(sql: response)
                for index in written..<min(attempts, written + batch) {
                    let id = UUID(uuid: Self.uuidBytes(UInt64(index), seed)).uuidString.lowercased()
                    let learnerIndex = index % learners
                    let module = (index / learners + random.below(modules)) % modules
                    let started = start.addingTimeInterval(Double(random.below(700 * 86_400)))
                    let finished = started.addingTimeInterval(Double(300 + random.below(1500)))
                    let correct = (0..<responses).map { _ in random.below(10) < 8 }
                    let points = Double(correct.filter { $0 }.count)
                    let percent = responses == 0 ? 0 : points / Double(responses) * 100
                    try insertAttempt.execute(arguments: [
                        id, String(format: "staff-%06d", learnerIndex), "module-\(module)", "hash-\(module)", Int64(index),
                        responses, Self.text(started), Self.text(finished), percent >= 80 ? "passed" : "failed", points,
                        Double(responses), percent,
                    ])
                    for (position, right) in correct.enumerated() {
                        try insertResponse.execute(arguments: [id, "q\(position)", right ? 1 : 0, right ? 1.0 : 0.0, position + 1, Self.text(finished)])
                    }
                }
            }
            written = min(attempts, written + batch)
        }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        print("wrote \(learners) learners, \(attempts) attempts, \(attempts * responses) responses to \(output)")
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

    /// The store's date text, UTC to the millisecond.
    static func text(_ date: Date) -> String {
        formatter.string(from: date)
    }

    nonisolated(unsafe) static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        return formatter
    }()
}

/// Carries an error out of a task.
final class FailureBox: @unchecked Sendable {
    var error: Error?
}
