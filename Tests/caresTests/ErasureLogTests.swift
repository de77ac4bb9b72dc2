import Foundation
import GRDB
import TrainingKit
import XCTest

/// Erased personal data leaves no trace in the SQLite files (#18 item 6): erasure checkpoints and
/// truncates the write-ahead log, says so when another session's read holds the log, and the next
/// cares command to finish clears it; deleted content is zeroed in the database file.
final class ErasureLogTests: CaresCommandTestCase {
    static let name = "Zelda Quixote-Marchetti"
    static let email = "zelda.quixote@example.org"
    static let reflection = "Tangerine walrus reflection text"

    func traces() throws -> [String] {
        var found: [String] = []
        for suffix in ["", "-wal", "-shm"] {
            guard let bytes = FileManager.default.contents(atPath: database + suffix) else { continue }
            for secret in [Self.name, Self.email, Self.reflection] where bytes.range(of: Data(secret.utf8)) != nil {
                found.append("\(secret) in cares.sqlite\(suffix)")
            }
        }
        return found
    }

    func testErasureWaitsForAnotherSessionsReadThenLeavesNoTrace() throws {
        let roster = try write("roster.csv", "id,name,email\nrn-1,\(Self.name),\(Self.email)\nrn-2,Other Person,o@example.org\n")
        XCTAssertEqual(try cares(["learners", "import", roster]).status, 0)
        let set = ModuleCatalog().load(paths: [TakeCommandTests.fixtures])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        let lines = AnswerScript(module: module, seed: 1).lines { planned in
            if case .reflection = planned.question.kind { return Self.reflection }
            return AnswerScript.right(planned)
        }
        let taken = try cares(["take", "every-type", "--learner", "rn-1", "--seed", "1"], input: lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(taken.status, 0, taken.stderr)

        XCTAssertFalse(try traces().isEmpty, "the test needs the personal data on disk before the erasure")
        // (Reading the files closes them, which drops this process's locks on them: so only before
        // the other session opens, and after it closes.)

        // Another session stays open throughout, and for a while holds a read transaction.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let idle = try DatabaseQueue(path: database, configuration: configuration)
        let reader = try DatabaseQueue(path: database, configuration: configuration)
        // The idle session writes, so the log has frames the reader's snapshot needs.
        try idle.inDatabase { db in
            try db.execute(sql: "UPDATE learners SET role = 'Nurse' WHERE id = 'rn-2'")
        }
        let logged = (try? FileManager.default.attributesOfItem(atPath: database + "-wal"))?[.size] as? Int
        XCTAssertGreaterThan(logged ?? 0, 0, "the idle session's write is in the log")
        try reader.inDatabase { db in
            try db.execute(sql: "BEGIN")
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM learners")
        }

        let erased = try cares(["learners", "remove", "rn-1", "--erase", "--reason", "Asked for erasure"])
        XCTAssertEqual(erased.status, 0, erased.stderr)
        XCTAssertTrue(erased.stdout.contains("still in its write-ahead log"), erased.stdout)

        try reader.inDatabase { db in try db.execute(sql: "COMMIT") }
        try reader.close()
        XCTAssertEqual(try cares(["learners", "list"]).status, 0)
        XCTAssertEqual(try traces(), [], "once no session reads the log, the next command clears it")

        // With only an idle session open, erasure clears the log at once and says nothing more.
        let again = try cares(["learners", "remove", "rn-2", "--erase", "--reason", "Asked for erasure"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(again.stdout.contains("write-ahead log"), again.stdout)
        let size = (try? FileManager.default.attributesOfItem(atPath: database + "-wal"))?[.size] as? Int
        XCTAssertEqual(size ?? 0, 0, "the -wal file is truncated")
        try idle.close()
    }
}
