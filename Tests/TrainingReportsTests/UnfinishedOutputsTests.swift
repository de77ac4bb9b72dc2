import Foundation
import XCTest

@testable import TrainingReports

/// `UnfinishedOutputs`: the partial files an interrupted command removes, and only those.
final class UnfinishedOutputsTests: XCTestCase {
    func testOnlyFilesStillBeingWrittenAreRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unfinished-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

        let written = try ReportOutput.file(folder.appendingPathComponent("written.csv").path)
        try written.write("a,b\n")
        try written.commit()
        let discarded = try ReportOutput.file(folder.appendingPathComponent("discarded.csv").path)
        discarded.discard()
        let open = try ReportOutput.file(folder.appendingPathComponent("open.csv").path)
        try open.write("a,b\n")
        try open.flush()
        XCTAssertEqual(try names().count, 2, "the finished file and the open one's partial copy")

        // Only this folder's files: the list is the whole process's.
        func here(_ paths: [String]) -> [String] { paths.filter { $0.hasPrefix(folder.path + "/") } }
        XCTAssertEqual(here(UnfinishedOutputs.removeAll()), [folder.appendingPathComponent("open.csv").path])
        XCTAssertEqual(try names(), ["written.csv"])
        XCTAssertEqual(here(UnfinishedOutputs.removeAll()), [], "each file is removed once")
        withExtendedLifetime(open) {}
    }

    func testAnOutputDroppedWithoutCommitRemovesItsPartialFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dropped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let output = try ReportOutput.file(folder.appendingPathComponent("dropped.csv").path)
            try output.write("a,b\n")
            try output.flush()
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).count, 1)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}
