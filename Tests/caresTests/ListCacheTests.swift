import Foundation
import XCTest

/// `cares list` reads module summaries from a cache under the data folder; an edited module is never
/// listed from a stale entry, and deleting the cache changes nothing but speed.
final class ListCacheTests: XCTestCase {
    static let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path

    func testAnEditKeepingSizeAndTimeIsListedAndTheCacheIsSafeToDelete() throws {
        let home = try CaresProcess.temporaryFolder(self)
        let modules = home.appendingPathComponent("modules")
        try FileManager.default.copyItem(atPath: Self.fixtures, toPath: modules.path)
        let environment = ["XDG_DATA_HOME": home.appendingPathComponent("data").path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path]
        let arguments = ["list", "--modules", modules.path, "--database", home.appendingPathComponent("cares.sqlite").path, "--plain"]
        let first = try CaresProcess.run(arguments, environment: environment)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("every-type"), first.stdout)
        let cacheFolder = home.appendingPathComponent("data/cares/module-cache")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).count, 1)

        // Same size, same modification time, different id: listed under the new id.
        let file = modules.appendingPathComponent("every-type.yaml").path
        let modified = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "id: every-type\n", with: "id: every-tipe\n").write(toFile: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file)
        let edited = try CaresProcess.run(arguments, environment: environment)
        XCTAssertEqual(edited.status, 0, edited.stderr)
        XCTAssertTrue(edited.stdout.contains("every-tipe"), edited.stdout)
        XCTAssertFalse(edited.stdout.contains("every-type"), edited.stdout)

        try FileManager.default.removeItem(at: cacheFolder)
        let rebuilt = try CaresProcess.run(arguments, environment: environment)
        XCTAssertEqual(rebuilt.stdout, edited.stdout)
    }
}
