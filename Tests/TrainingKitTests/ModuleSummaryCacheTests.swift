import Foundation
import TrainingKit
import XCTest

/// `ModuleSummaryCache`: what `cares list` reads instead of parsing unchanged modules, never trusted when stale.
final class ModuleSummaryCacheTests: XCTestCase {
    private var folder: URL!
    private var cacheFile: String { folder.appendingPathComponent("cache/summaries.tsv").path }
    private var modulePath: String { folder.appendingPathComponent("every-type.yaml").path }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cares-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ModuleFixtures.fixturesFolder + "/good/every-type.yaml", toPath: modulePath)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var site: (Site?, SourceText) {
        let path = ModuleFixtures.fixturesFolder + "/good/site.yaml"
        let source = SourceText(bytes: Array(FileManager.default.contents(atPath: path) ?? Data()))
        return (ModuleLoader().loadSite(source: source, path: path).site, source)
    }

    private func summaries(toolKey: String = "test build") -> [ModuleSummary] {
        let (site, source) = site
        return ModuleSummaryCache(file: cacheFile, toolKey: toolKey).summaries(of: [modulePath], site: site, siteSource: source)
    }

    func testTheSummaryMatchesTheLoadedModuleAndIsCached() throws {
        let module = try XCTUnwrap(ModuleLoader().loadModule(at: modulePath, site: site.0).module)
        XCTAssertEqual(summaries(), [ModuleSummary(module, path: modulePath)])
        XCTAssertTrue(FileManager.default.fileExists(atPath: cacheFile))
        // A second run reads the entry: edit the cached title and the edit shows.
        let cached = try String(contentsOfFile: cacheFile, encoding: .utf8)
        try cached.replacingOccurrences(of: "\tEvery question type\t", with: "\tFrom the cache\t")
            .write(toFile: cacheFile, atomically: true, encoding: .utf8)
        XCTAssertEqual(summaries().map(\.title), ["From the cache"])
        // Another build of cares ignores it.
        XCTAssertEqual(summaries(toolKey: "another build").map(\.title), ["Every question type"])
    }

    func testAChangeKeepingSizeAndTimeIsNeverTrusted() throws {
        XCTAssertEqual(summaries().map(\.title), ["Every question type"])
        let modified = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: modulePath)[.modificationDate] as? Date)
        let text = try String(contentsOfFile: modulePath, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "title: Every question type", with: "title: Every question kind")
        XCTAssertEqual(changed.utf8.count, text.utf8.count)
        try changed.write(toFile: modulePath, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: modulePath)
        XCTAssertEqual(summaries().map(\.title), ["Every question kind"])
    }

    func testAModuleWithErrorsIsLeftOutAndADeletedOrBrokenCacheIsRebuilt() throws {
        let text = try String(contentsOfFile: modulePath, encoding: .utf8)
        try text.replacingOccurrences(of: "pass_mark:", with: "pass_marks:").write(toFile: modulePath, atomically: true, encoding: .utf8)
        XCTAssertEqual(summaries(), [])
        XCTAssertEqual(summaries(), [])
        try text.write(toFile: modulePath, atomically: true, encoding: .utf8)
        try "garbage\n".write(toFile: cacheFile, atomically: true, encoding: .utf8)
        XCTAssertEqual(summaries().map(\.id), ["every-type"])
        try FileManager.default.removeItem(atPath: cacheFile)
        XCTAssertEqual(summaries().map(\.id), ["every-type"])
    }

    func testTextWithTabsAndBackslashesSurvivesTheCacheFile() throws {
        let text = try String(contentsOfFile: modulePath, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Every question type", with: #"title: "Tab\there, slash \\ too""#)
            .write(toFile: modulePath, atomically: true, encoding: .utf8)
        XCTAssertEqual(summaries().map(\.title), ["Tab\there, slash \\ too"])
        XCTAssertEqual(summaries().map(\.title), ["Tab\there, slash \\ too"])
    }
}
