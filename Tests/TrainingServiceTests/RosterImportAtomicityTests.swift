import Foundation
import TrainingService
import TrainingStore
import XCTest

/// A roster is imported whole or not at all, read as it goes (#18 item 2).
final class RosterImportAtomicityTests: XCTestCase {
    static func roster(_ count: Int, from start: Int = 0) -> String {
        "id,name,email\n" + (start..<start + count).map { "rn-\($0),Person \($0),p\($0)@example.org\n" }.joined()
    }

    /// A bad row after several batches have been written rolls all of them back.
    func testARowErrorAfterManyBatchesImportsNothing() async throws {
        let store = try SQLiteStore.inMemory()
        let text = Self.roster(2_600) + "bad id,Someone,s@example.org\n" + Self.roster(10, from: 5_000).drop { $0 != "\n" }.dropFirst()
        do {
            _ = try await RosterImport(store: store, fileName: "roster.csv").run(text)
            XCTFail("a bad row must fail the import")
        } catch ServiceError.roster(let problems) {
            XCTAssertEqual(problems.count, 1, problems.joined(separator: "\n"))
            XCTAssertTrue(problems[0].hasPrefix("roster.csv:2602: 'bad id' is not a valid staff ID"), problems[0])
        }
        let count = try await store.learners().count
        XCTAssertEqual(count, 0, "nothing is imported from a file with a problem, however far down")
    }

    /// Problems are listed with their lines up to a limit, and the rest counted.
    func testManyProblemsAreListedUpToALimit() async throws {
        let store = try SQLiteStore.inMemory()
        let text = "id\n" + (0..<150).map { "bad id \($0)\n" }.joined()
        do {
            _ = try await RosterImport(store: store, fileName: "r.csv").run(text)
            XCTFail("bad rows must fail the import")
        } catch ServiceError.roster(let problems) {
            XCTAssertEqual(problems.count, RosterImport.maxProblemsListed + 1)
            XCTAssertTrue(problems[99].hasPrefix("r.csv:101: "), problems[99])
            XCTAssertEqual(problems.last, "… and 50 more problems not listed")
        }
    }

    /// Repeated ids, found in the store after staging, are listed among the rows' own problems in
    /// line order, each with the line the id first appears on; an ascending file and a shuffled one
    /// give the same outcome.
    func testRepeatedIDsAreListedInLineOrderAmongOtherProblems() async throws {
        let store = try SQLiteStore.inMemory()
        let text = "id,name\nrn-b,B\nrn-a,A\nbad id,X\nrn-b,B again\nrn-c,C\u{1}\nrn-a,A again\n"
        do {
            _ = try await RosterImport(store: store, fileName: "r.csv").run(text)
            XCTFail("repeated ids must fail the import")
        } catch ServiceError.roster(let problems) {
            XCTAssertEqual(
                problems,
                [
                    "r.csv:4: 'bad id' is not a valid staff ID (1–64 letters, digits, dots, dashes, underscores or @)",
                    "r.csv:5: the id 'rn-b' is already on line 2",
                    "r.csv:6: the name contains a control character (U+0001) at character 2; remove it and import again",
                    "r.csv:7: the id 'rn-a' is already on line 3",
                ])
        }
        let count = try await store.learners().count
        XCTAssertEqual(count, 0)

        let ascending = (0..<2_500).map { String(format: "rn-%05d,Person %d\n", $0, $0) }
        let inOrder = try await RosterImport(store: try SQLiteStore.inMemory(), fileName: "r.csv").run("id,name\n" + ascending.joined())
        let shuffled = try await RosterImport(store: try SQLiteStore.inMemory(), fileName: "r.csv").run("id,name\n" + ascending.shuffled().joined())
        XCTAssertEqual(inOrder, RosterImport.Outcome(added: 2_500, updated: 0, unchanged: 0))
        XCTAssertEqual(shuffled, inOrder)
    }

    /// A cancelled import (Ctrl-C in `cares learners import`) stops at its next batch and leaves nothing.
    func testACancelledImportLeavesNothing() async throws {
        let store = try SQLiteStore.inMemory()
        let bytes = Array(Self.roster(5_000).utf8)
        do {
            _ = try await RosterImport(store: store, fileName: "roster.csv").run(reading: {
                CSVReader(source: CancellingSource(bytes: bytes, cancelAfter: 3))
            })
            XCTFail("a cancelled import must throw")
        } catch is CancellationError {}
        let count = try await store.learners().count
        XCTAssertEqual(count, 0)
    }

    /// Learners already on record are updated in the same pass, columns left out kept.
    func testALargeRosterAddsUpdatesAndKeepsColumns() async throws {
        let store = try SQLiteStore.inMemory()
        let importer = RosterImport(store: store, fileName: "roster.csv")
        let first = try await importer.run(Self.roster(1_200))
        XCTAssertEqual(first, RosterImport.Outcome(added: 1_200, updated: 0, unchanged: 0))
        let text = "id,department\n" + (600..<1_800).map { "rn-\($0),\($0 < 1_000 ? "" : "Ward")\n" }.joined()
        let second = try await importer.run(text)
        XCTAssertEqual(second, RosterImport.Outcome(added: 600, updated: 200, unchanged: 400))
        let kept = try await store.learner(id: "rn-1100")
        XCTAssertEqual(kept?.name, "Person 1100")
        XCTAssertEqual(kept?.department, "Ward")
    }

    /// A FIFO (or anything but a regular file) is refused at once instead of waiting for a writer.
    func testAFIFOIsRefusedWithoutWaiting() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cares-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("roster.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let store = try SQLiteStore.inMemory()
        do {
            _ = try await RosterImport(store: store, fileName: "roster.csv").run(file: fifo)
            XCTFail("a FIFO must be refused")
        } catch ServiceError.refused(let message, _) {
            XCTAssertTrue(message.contains("is not a regular file"), message)
        }
    }
}

/// Bytes in small chunks that cancel the reading task after a few chunks.
private struct CancellingSource: ByteSource {
    var bytes: ArraySlice<UInt8>
    var chunks = 0
    let cancelAfter: Int

    init(bytes: [UInt8], cancelAfter: Int) {
        self.bytes = bytes[...]
        self.cancelAfter = cancelAfter
    }

    mutating func nextChunk() throws -> [UInt8] {
        chunks += 1
        if chunks == cancelAfter { withUnsafeCurrentTask { $0?.cancel() } }
        let chunk = Array(bytes.prefix(16 * 1024))
        bytes = bytes.dropFirst(16 * 1024)
        return chunk
    }
}
