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

        XCTAssertEqual(UnfinishedOutputs.removeAll(), [folder.appendingPathComponent("open.csv").path])
        XCTAssertEqual(try names(), ["written.csv"])
        XCTAssertEqual(UnfinishedOutputs.removeAll(), [], "each file is removed once")
    }
}
