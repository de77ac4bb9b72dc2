import Foundation
import TrainingReports
import TrainingStore
import XCTest

/// Terminal tables that fit a width, chosen columns, `--wide`, and human labels beside machine values.
final class TableLayoutTests: XCTestCase {
    typealias F = ReportFixture

    func completions(_ layout: TableLayout, _ format: ReportFormat = .table) async throws -> String {
        let context = try await F.context()
        return try await ReportRendering.render(format, time: context.time, layout: layout) {
            try await CompletionsReport(context: context).write(to: $0)
        }
    }

    func items(_ layout: TableLayout, _ format: ReportFormat = .table) async throws -> String {
        let context = try await F.context(ReportFilter(moduleID: "signs"))
        return try await ReportRendering.render(format, time: context.time, layout: layout) {
            try await ItemsReport(context: context).write(to: $0)
        }
    }

    /// Every line but the closing summary sentence is at most `width` terminal columns.
    func assertFits(_ text: String, _ width: Int, file: StaticString = #filePath, line: UInt = #line) {
        let lines = text.split(separator: "\n").map(String.init).dropLast()
        for row in lines {
            XCTAssertLessThanOrEqual(TableWriter.displayWidth(row), width, "wider than \(width): \(row)", file: file, line: line)
        }
    }

    func header(_ text: String) -> String { String(text.split(separator: "\n")[0]) }

    func testCompletionsFit80And120Columns() async throws {
        let full = try await completions(.full)
        XCTAssertGreaterThan(full.split(separator: "\n").map { TableWriter.displayWidth(String($0)) }.max() ?? 0, 120)
        for width in [80, 120] {
            let text = try await completions(TableLayout(width: width))
            assertFits(text, width)
            for heading in ["LEARNER", "MODULE", "STATUS", "BEST"] {
                XCTAssertTrue(header(text).contains(heading), "\(heading) kept at \(width): \(header(text))")
            }
            XCTAssertTrue(text.contains("hidden to fit \(width)"), text)
            let rows = text.split(separator: "\n").filter { ["md-", "rn-", "sw-"].contains(String($0.prefix(3))) }
            XCTAssertEqual(rows.count, 6, "one line per row")
        }
        let wide = try await completions(TableLayout(width: 120))
        XCTAssertTrue(header(wide).contains("NAME"), "the name is shown, truncated if need be, at 120: \(header(wide))")
        XCTAssertTrue(wide.contains("<script>aler…"), wide)
    }

    func testItemsFit80And120Columns() async throws {
        for width in [80, 120] {
            let text = try await items(TableLayout(width: width))
            assertFits(text, width)
            XCTAssertTrue(text.contains("QUESTION"), text)
            XCTAssertTrue(text.contains("FACILITY"), text)
            XCTAssertTrue(text.contains("Objectives\nOBJECTIVE"), text)
            XCTAssertTrue(text.contains("c: Ask her in front of him") || text.contains("…") || !text.contains("MOST CHOSEN"), text)
        }
        let narrow = try await items(TableLayout(width: 80))
        XCTAssertTrue(narrow.contains("hidden to fit 80"), narrow)
    }

    func testNameAndTitleGiveWayBeforeColumnsAreDropped() async throws {
        let full = try await completions(.full)
        let fullWidth = full.split(separator: "\n").dropLast().map { TableWriter.displayWidth(String($0)) }.max() ?? 0
        // A few columns short of the full width: something is truncated, nothing is dropped.
        let text = try await completions(TableLayout(width: fullWidth - 6))
        assertFits(text, fullWidth - 6)
        XCTAssertFalse(text.contains("hidden"), text)
        XCTAssertTrue(text.contains("…"), text)
        XCTAssertTrue(header(text).contains("ALLOWED"), header(text))
    }

    func testColumnsChooseAndOrder() async throws {
        let text = try await completions(TableLayout(columns: ["status", "learner_id", "best_score"]))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "STATUS       LEARNER  BEST")
        XCTAssertEqual(lines[1], "not started  md-2     –")
        XCTAssertFalse(text.contains("hidden"))
        XCTAssertEqual(TableLayout.unknown(["status", "nope"], in: [CompletionsReport.section]), ["nope"])
        // In a fitted table the chosen columns are all kept.
        let fitted = try await completions(TableLayout(width: 30, columns: ["module_title", "status", "learner_name"]))
        XCTAssertTrue(header(fitted).hasPrefix("TITLE"), fitted)
        XCTAssertTrue(header(fitted).contains("STATUS"), fitted)
        XCTAssertTrue(header(fitted).contains("NAME"), fitted)
    }

    func testWideAndPipedTablesShowEverythingInFull() async throws {
        let text = try await completions(.full)
        for column in CompletionsReport.section.columns {
            XCTAssertTrue(header(text).contains(column.heading.uppercased()), column.key)
        }
        XCTAssertTrue(text.contains("<script>alert(1)</script>"))
        XCTAssertTrue(text.contains("Recognising the signs"))
        XCTAssertFalse(text.contains("…"))
        XCTAssertFalse(text.contains("hidden"))
    }

    func testHumanLabelsInTableAndHTMLMachineValuesInCSVAndJSON() async throws {
        for format in [ReportFormat.table, .html] {
            let text = try await completions(.full, format)
            XCTAssertTrue(text.contains("not started"), "\(format)")
            XCTAssertFalse(text.contains("not_started"), "\(format)")
            XCTAssertTrue(text.contains("66.7%"), "\(format): rn-4's best, 66.6667")
            let items = try await items(.full, format)
            XCTAssertTrue(items.contains("75%"), "\(format): q3's facility 0.75")
        }
        let csv = try await completions(.full, .csv)
        XCTAssertTrue(csv.contains("not_started"))
        XCTAssertTrue(csv.contains("66.6667"))
        let json = try await items(.full, .json)
        XCTAssertTrue(json.contains("\"facility\": 0.75"), json)
        let context = try await F.context(ReportFilter(learnerID: "rn-4"))
        let transcript = try await ReportRendering.render(.table, time: context.time) { try await TranscriptReport(context: context).write(to: $0) }
        XCTAssertTrue(transcript.contains("attempt voided"), transcript)
    }
}
