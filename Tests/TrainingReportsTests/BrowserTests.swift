import Foundation
import TrainingReports
import TrainingService
import XCTest

/// Opens the HTML report and a certificate in headless Chromium: no console messages, and the
/// certificate prints to exactly one PDF page. Skipped without Chromium, except in CI (CI=true).
final class BrowserTests: XCTestCase {
    typealias F = ReportFixture

    struct Run {
        var status: Int32
        var stderr: String
    }

    static func chromium() throws -> String {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("Chromium is not installed; CI must install the Debian package `chromium` (see .ci/run)")
        }
        throw XCTSkip("Chromium is not installed (apt-get install chromium poppler-utils); browser checks skipped")
    }

    /// Runs a program, killing it after a generous timeout.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 90) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errorFile = NSTemporaryDirectory() + "/cares-browser-\(UUID().uuidString).err"
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
        process.standardError = errorHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            XCTFail("\(executable) did not finish within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        try? errorHandle.close()
        let stderr = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
        return Run(status: process.terminationStatus, stderr: stderr)
    }

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cares-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func chromiumArguments(_ extra: [String]) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
         "--user-data-dir=" + folder.appendingPathComponent("profile").path] + extra
    }

    /// Opens the page; fails on a non-zero exit or any console message (scripts, blocked loads, CSP).
    func open(_ html: String, name: String) throws -> String {
        let browser = try Self.chromium()
        let file = folder.appendingPathComponent(name + ".html")
        try Data(html.utf8).write(to: file)
        let run = try Self.run(browser, chromiumArguments(["--dump-dom", file.path]))
        XCTAssertEqual(run.status, 0, run.stderr)
        let console = run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        XCTAssertEqual(console, [], "console messages from \(name)")
        return file.path
    }

    /// Prints the page to PDF and returns pdfinfo's page count.
    func printedPages(_ path: String) throws -> Int {
        let browser = try Self.chromium()
        let pdf = folder.appendingPathComponent(UUID().uuidString + ".pdf").path
        let run = try Self.run(browser, chromiumArguments(["--print-to-pdf=" + pdf, "--no-pdf-header-footer", path]))
        XCTAssertEqual(run.status, 0, run.stderr)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("pdfinfo is missing: install poppler-utils") }
            throw XCTSkip("pdfinfo is not installed (apt-get install poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        process.arguments = [pdf]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let line = text.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? -1
    }

    func testTheHTMLReportOpensCleanlyAndPrints() async throws {
        _ = try Self.chromium()
        let context = try await F.context()
        let html = try await ReportRendering.render(.html, time: context.time) { try await CompletionsReport(context: context).write(to: $0) }
        let path = try open(html, name: "completions")
        XCTAssertGreaterThanOrEqual(try printedPages(path), 1)
    }

    func testTheCertificateOpensCleanlyAndPrintsOnOnePage() async throws {
        _ = try Self.chromium()
        let context = try await F.context()
        let service = CertificateService(store: context.store, catalog: context.catalog)
        var record = try await service.issue(learnerID: "rn-4", moduleID: "signs", now: F.now)
        record.moduleTitle = "Recognising and responding to the signs of human trafficking in the emergency department"
        record.learner.name = "Dr. Maria-Fernanda Gonzalez de la Cruz Villanueva"
        let html = CertificatePage(record: record, siteName: "Example Health Sciences Centre").html
        let path = try open(html, name: "certificate")
        XCTAssertEqual(try printedPages(path), 1)
    }
}
