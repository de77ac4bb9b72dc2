import Foundation
import TrainingKit
import TrainingReports
import TrainingService
import TrainingStore
import XCTest

/// Every report in every format against the known records of `ReportFixture`.
final class ReportsTests: XCTestCase {
    typealias F = ReportFixture

    func rows(_ json: [String: Any], _ key: String = "rows") -> [[String: Any]] {
        json[key] as? [[String: Any]] ?? []
    }

    // MARK: Completions

    func testCompletionsJSONHasOneRowPerLearnerAndRequiredModule() async throws {
        let context = try await F.context()
        let text = try await ReportRendering.render(.json, time: context.time) { try await CompletionsReport(context: context).write(to: $0) }
        let json = try ReportRendering.json(text)
        XCTAssertEqual(json["report"] as? String, "completions")
        XCTAssertEqual(json["site_name"] as? String, "Example Health <Sciences> Centre")
        XCTAssertEqual(json["generated_at"] as? String, "2026-06-01T00:00:00+00:00")
        let rows = rows(json)
        let summary = rows.map { "\($0["learner_id"]!)/\($0["module_id"]!)/\($0["status"]!)" }
        XCTAssertEqual(
            summary,
            ["md-2/reporting/not_started", "md-2/signs/failed", "rn-1/reporting/outdated", "rn-1/signs/expired",
             "rn-4/signs/passed", "sw-3/signs/passed"],
            "inactive xx-9 left out; reporting only for Emergency")
        let rn4 = rows[4]
        XCTAssertEqual(rn4["learner_name"] as? String, "<script>alert(1)</script>")
        XCTAssertEqual(rn4["best_score"] as? Double ?? 0, 66.6667, accuracy: 0.0001, "the void attempt does not count")
        XCTAssertEqual(rn4["passed_at"] as? String, "2026-05-25T08:07:00+00:00")
        XCTAssertEqual(rn4["expires_at"] as? String, "2026-06-24T08:07:00+00:00")
        XCTAssertEqual(rn4["module_version"] as? String, "1.0.0")
        XCTAssertEqual(rn4["attempts_used"] as? Int, 0)
        XCTAssertEqual(rn4["attempts_allowed"] as? Int, 2)
        let md2 = rows[1]
        XCTAssertEqual(md2["attempts_used"] as? Int, 1)
        XCTAssertEqual(md2["best_score"] as? Int, 0)
        XCTAssertTrue(md2["passed_at"] is NSNull)
        let outdated = rows[2]
        XCTAssertEqual(outdated["module_version"] as? String, "1.0.0")
        XCTAssertEqual(outdated["current_version"] as? String, "2.0.0")
        let summaryObject = try XCTUnwrap(json["summary"] as? [String: Any])
        XCTAssertEqual(summaryObject["required"] as? Int, 6)
        XCTAssertEqual(summaryObject["compliant"] as? Int, 2)
        XCTAssertEqual(summaryObject["learners"] as? Int, 4)
    }

    func testCompletionsFiltersByDepartmentRoleAndPassDate() async throws {
        var context = try await F.context(ReportFilter(department: "emergency", role: "rn"))
        var text = try await ReportRendering.render(.json, time: context.time) { try await CompletionsReport(context: context).write(to: $0) }
        XCTAssertEqual(rows(try ReportRendering.json(text)).map { $0["module_id"] as? String }, ["reporting", "signs"])
        context.filter = ReportFilter(since: F.date("2026-05-01T00:00:00Z"), until: F.date("2026-06-01T00:00:00Z"))
        text = try await ReportRendering.render(.json, time: context.time) { try await CompletionsReport(context: context).write(to: $0) }
        XCTAssertEqual(rows(try ReportRendering.json(text)).map { $0["learner_id"] as? String }, ["rn-4", "sw-3"])
    }

    func testCompletionsTableIsAligned() async throws {
        let context = try await F.context()
        let text = try await ReportRendering.render(.table, time: context.time) { try await CompletionsReport(context: context).write(to: $0) }
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("LEARNER  NAME"), lines[0])
        let statusColumn = lines[0].range(of: "STATUS").map { lines[0].distance(from: lines[0].startIndex, to: $0.lowerBound) }
        XCTAssertNotNil(statusColumn)
        for line in lines[1...6] {
            // The status starts in the same terminal column on every line (李小龍 takes six columns).
            let found = ["not started", "failed", "outdated", "expired", "passed"].compactMap { line.range(of: "  " + $0 + " ") }.first
            let prefix = found.map { String(line[..<$0.lowerBound]) + "  " } ?? ""
            XCTAssertEqual(TableWriter.displayWidth(prefix), statusColumn, line)
        }
        XCTAssertTrue(text.contains("李小龍 second line"), "line breaks in names become spaces in a table")
        XCTAssertEqual(lines.last, "4 learners, 2 of 6 required completions held (33%).")
    }

    // MARK: Due

    func testDueListsWhatIsDueWithReasonsAndOverdue() async throws {
        let context = try await F.context()
        let text = try await ReportRendering.render(.json, time: context.time) {
            try await DueReport(context: context, withinDays: 30).write(to: $0)
        }
        let rows = rows(try ReportRendering.json(text))
        XCTAssertEqual(
            rows.map { "\($0["learner_id"]!)/\($0["module_id"]!)/\($0["reason"]!)/\($0["overdue"]!)" },
            ["md-2/reporting/not_started/0", "md-2/signs/failed/0", "rn-1/reporting/new_version/0",
             "rn-1/signs/expired/1", "rn-4/signs/expiring/0", "sw-3/signs/expiring/0"])
        XCTAssertEqual(rows[3]["due_at"] as? String, "2026-04-30T10:12:30+00:00")
        XCTAssertEqual(rows[5]["due_at"] as? String, "2026-06-09T15:32:05+00:00")

        let soon = try await ReportRendering.render(.json, time: context.time) {
            try await DueReport(context: context, withinDays: 10).write(to: $0)
        }
        XCTAssertEqual(self.rows(try ReportRendering.json(soon)).count, 5, "rn-4's pass expires after 10 days")
        let table = try await ReportRendering.render(.table, time: context.time) {
            try await DueReport(context: context, withinDays: 30).write(to: $0)
        }
        XCTAssertTrue(table.hasSuffix("4 learners, 6 modules due (1 overdue).\n"), table)
    }

    func testDueRefusesSinceAndUntil() async throws {
        let context = try await F.context(ReportFilter(since: F.now))
        do {
            _ = try await ReportRendering.render(.table, time: context.time) { try await DueReport(context: context).write(to: $0) }
            XCTFail("expected a usage error")
        } catch let error as ReportError {
            guard case .usage = error else { return XCTFail("\(error)") }
        }
    }

    // MARK: Attempts and CSV

    func testAttemptsCSVReadsBackWithAStrictCSVParser() async throws {
        let context = try await F.context()
        let text = try await ReportRendering.render(.csv, time: context.time) { try await AttemptsReport(context: context).write(to: $0) }
        XCTAssertTrue(text.hasPrefix("\u{FEFF}attempt_id,learner_id,learner_name,"))
        let rows = try ReportRendering.pythonCSV(text)
        XCTAssertEqual(rows.count, 7, "a header and six attempts")
        let header = rows[0]
        XCTAssertEqual(header, AttemptsReport.section.columns.map(\.key))
        func column(_ key: String) -> Int { header.firstIndex(of: key) ?? -1 }
        let byID = Dictionary(rows.dropFirst().map { ($0[column("attempt_id")], $0) }, uniquingKeysWith: { a, _ in a })
        let a1 = try XCTUnwrap(byID[F.attemptIDs["A1"]!.uuidString.lowercased()])
        XCTAssertEqual(a1[column("learner_name")], "Yusuf, Amina \"Ami\"", "commas and quotes survive")
        XCTAssertEqual(a1[column("started_at")], "2026-03-31T10:00:00+00:00")
        XCTAssertEqual(a1[column("finished_at")], "2026-03-31T10:12:30+00:00")
        XCTAssertEqual(a1[column("duration_seconds")], "751")
        XCTAssertEqual(a1[column("score_percent")], "100")
        let a2 = try XCTUnwrap(byID[F.attemptIDs["A2"]!.uuidString.lowercased()])
        XCTAssertEqual(a2[column("learner_name")], "'=HYPERLINK(\"http://evil.example\")", "a formula is neutralised")
        XCTAssertEqual(a2[column("score_percent")], "0")
        let a3 = try XCTUnwrap(byID[F.attemptIDs["A3"]!.uuidString.lowercased()])
        XCTAssertEqual(a3[column("learner_name")], "李小龍\nsecond line", "non-Latin text and a newline survive")
        XCTAssertEqual(a3[column("score_percent")], "66.6667")
        let a6 = try XCTUnwrap(byID[F.attemptIDs["A6"]!.uuidString.lowercased()])
        XCTAssertEqual(a6[column("status")], "void")
        XCTAssertEqual(a6[column("void_reason")], "Taken by a colleague")
        let r1 = try XCTUnwrap(byID[F.attemptIDs["R1"]!.uuidString.lowercased()])
        XCTAssertEqual(r1[column("module_title")], "Reporting (first edition)", "the title of the version taken")
    }

    func testAttemptsTimesCarryTheLocalOffset() async throws {
        let context = try await F.context(ReportFilter(moduleID: "signs", learnerID: "rn-1"), timeZone: "Asia/Kolkata")
        let text = try await ReportRendering.render(.json, time: context.time) { try await AttemptsReport(context: context).write(to: $0) }
        let rows = rows(try ReportRendering.json(text))
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0]["started_at"] as? String, "2026-03-31T15:30:00+05:30")
    }

    func testCSVNeutralisesEveryDangerousFirstCharacter() {
        for dangerous in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            let cell = TextEscaping.csv(dangerous, neutralise: true)
            XCTAssertTrue(cell.hasPrefix("'") || cell.hasPrefix("\"'"), cell)
        }
        XCTAssertEqual(TextEscaping.csv("-0.5", neutralise: false), "-0.5", "numbers the report computes stay numbers")
        XCTAssertEqual(TextEscaping.csv("a\"b", neutralise: true), "\"a\"\"b\"")
    }

    // MARK: Items

    func testItemAnalysisMatchesHandComputedFigures() async throws {
        let context = try await F.context(ReportFilter(moduleID: "signs"))
        let text = try await ReportRendering.render(.json, time: context.time) { try await ItemsReport(context: context).write(to: $0) }
        let json = try ReportRendering.json(text)
        let questions = rows(json, "questions")
        XCTAssertEqual(questions.map { $0["id"] as? String }, ["q1", "q2", "q3"])
        // Each learner's first finished, non-void attempt: A1–A4 (A6 is void); x = the question's points, y = the rest of the test.
        // q1 x = 1,0,1,0 y = 2,0,1,2: r = 0.5 / √(1 × 2.75) = 0.3015; facility 2/4.
        // q2 x = 1,0,0,1 y = 2,0,2,1: r = 0.3015; facility 0.5.
        // q3 x = 1,0,1,1 y = 2,0,1,1: r = 1 / √(0.75 × 2) = 0.8165; facility 0.75.
        let expected: [(Double, Double)] = [(0.5, 0.5 / 2.75.squareRoot()), (0.5, 0.5 / 2.75.squareRoot()), (0.75, 1 / 1.5.squareRoot())]
        for (row, (facility, discrimination)) in zip(questions, expected) {
            XCTAssertEqual(row["attempts"] as? Int, 4)
            XCTAssertEqual(row["facility"] as? Double ?? -9, facility, accuracy: 0.0001)
            XCTAssertEqual(row["discrimination"] as? Double ?? -9, discrimination, accuracy: 0.0001)
        }
        XCTAssertEqual(questions[0]["most_chosen_wrong"] as? String, "c: Ask her in front of him")
        XCTAssertEqual(questions[0]["most_chosen_wrong_count"] as? Int, 2, "the void attempt's 'b' does not count")
        XCTAssertEqual(questions[1]["most_chosen_wrong"] as? String, "false")
        XCTAssertEqual(questions[2]["most_chosen_wrong"] as? String, "b: Her companion")
        XCTAssertEqual(questions[0]["prompt"] as? String, "What next?")
        // indicators (q1+q2, 60%): only A1 scores 2/2; response (q3): A1, A3, A4.
        let objectives = rows(json, "objectives")
        XCTAssertEqual(objectives.map { $0["objective_id"] as? String }, ["indicators", "response"])
        XCTAssertEqual(objectives[0]["mastery_rate"] as? Double, 0.25)
        XCTAssertEqual(objectives[1]["mastery_rate"] as? Double, 0.75)
        XCTAssertEqual(questions[2]["objective_mastery_rate"] as? Double, 0.75)
        XCTAssertEqual((json["summary"] as? [String: Any])?["attempts"] as? Int, 4)
    }

    func testItemsNeedsAModule() async throws {
        let context = try await F.context()
        do {
            _ = try await ReportRendering.render(.json, time: context.time) { try await ItemsReport(context: context).write(to: $0) }
            XCTFail("expected a usage error")
        } catch ReportError.usage(let message) {
            XCTAssertTrue(message.contains("--module"))
        }
    }

    func testItemsCSVHasTheQuestions() async throws {
        let context = try await F.context(ReportFilter(moduleID: "signs"))
        let text = try await ReportRendering.render(.csv, time: context.time) { try await ItemsReport(context: context).write(to: $0) }
        let rows = try ReportRendering.pythonCSV(text)
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows[3][rows[0].firstIndex(of: "discrimination") ?? 0], "0.8165")
    }

    // MARK: Transcript

    func testTranscriptShowsAttemptsStandingAndCoordinatorActions() async throws {
        let context = try await F.context(ReportFilter(learnerID: "rn-4"))
        let text = try await ReportRendering.render(.json, time: context.time) { try await TranscriptReport(context: context).write(to: $0) }
        let json = try ReportRendering.json(text)
        XCTAssertEqual(rows(json, "attempts").map { $0["status"] as? String }, ["void", "passed"])
        XCTAssertEqual(rows(json, "modules").map { $0["status"] as? String }, ["passed"])
        let events = rows(json, "events")
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events.first?["kind"] as? String, "attempt_voided")
        XCTAssertEqual(events.first?["reason"] as? String, "Taken by a colleague")
        XCTAssertEqual(events.first?["os_user"] as? String, "coordinator")
        let table = try await ReportRendering.render(.table, time: context.time) { try await TranscriptReport(context: context).write(to: $0) }
        XCTAssertTrue(table.contains("Coordinator actions"))
        XCTAssertTrue(table.hasSuffix("rn-4: 2 attempts, 1 of 1 required modules held.\n"), table)
    }

    func testTranscriptOfAnUnknownLearnerIsRefused() async throws {
        let context = try await F.context(ReportFilter(learnerID: "nobody"))
        do {
            _ = try await ReportRendering.render(.json, time: context.time) { try await TranscriptReport(context: context).write(to: $0) }
            XCTFail("expected not found")
        } catch ReportError.notFound {}
    }

    // MARK: HTML

    func testHTMLIsSelfContainedEscapedAndHasTheCharts() async throws {
        let context = try await F.context()
        for (name, body) in Self.htmlReports(context) {
            let html = try await ReportRendering.render(.html, time: context.time, body)
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), name)
            XCTAssertFalse(html.lowercased().contains("<script"), "\(name): <script> from data is escaped")
            XCTAssertFalse(html.contains("src="), name)
            XCTAssertFalse(html.contains("href="), name)
            XCTAssertFalse(html.contains("@import"), name)
            XCTAssertTrue(html.contains("default-src 'none'"), name)
            XCTAssertTrue(html.hasSuffix("</html>\n"), name)
        }
        let html = try await ReportRendering.render(.html, time: context.time) { try await CompletionsReport(context: context).write(to: $0) }
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("Example Health &lt;Sciences&gt; Centre"))
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("Pass rate per module"))
        XCTAssertTrue(html.contains("Compliance per department"))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(html.contains("<th scope=\"row\">Emergency</th>"), "a bar per department, labelled in text")
        XCTAssertTrue(html.contains("75% 3 of 4"), "signs: 3 of 4 finished attempts passed (the void one is not counted)")
        XCTAssertLessThan(
            html.range(of: "class=\"figures\"")?.lowerBound ?? html.endIndex, html.range(of: "<table>")?.lowerBound ?? html.startIndex,
            "summary before the tables")
    }

    static func htmlReports(_ context: ReportContext) -> [(String, (ReportWriter) async throws -> Void)] {
        var items = context
        items.filter.moduleID = "signs"
        var transcript = context
        transcript.filter.learnerID = "rn-4"
        return [
            ("completions", { try await CompletionsReport(context: context).write(to: $0) }),
            ("attempts", { try await AttemptsReport(context: context).write(to: $0) }),
            ("due", { try await DueReport(context: context).write(to: $0) }),
            ("items", { try await ItemsReport(context: items).write(to: $0) }),
            ("transcript", { try await TranscriptReport(context: transcript).write(to: $0) }),
            ("learners", { try await LearnersReport(context: context).write(to: $0) }),
        ]
    }

    func testEveryReportWritesEveryFormat() async throws {
        let context = try await F.context()
        for format in [ReportFormat.table, .csv, .json, .html] {
            for (name, body) in Self.htmlReports(context) {
                let text = try await ReportRendering.render(format, time: context.time, body)
                XCTAssertFalse(text.isEmpty, "\(name) \(format)")
                if format == .json { XCTAssertNoThrow(try ReportRendering.json(text), "\(name) json") }
                if format == .csv { XCTAssertGreaterThan(try ReportRendering.pythonCSV(text).count, 1, "\(name) csv") }
            }
        }
    }

    // MARK: xAPI

    static let uuidPattern = try! NSRegularExpression(pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
    static let durationPattern = try! NSRegularExpression(pattern: "^PT(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,2})?S)?$")

    static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil && text != "PT"
    }

    func statements(_ text: String) throws -> [[String: Any]] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    func testXAPIAttemptsHaveEveryRequiredFieldAndFollowCmi5() async throws {
        let context = try await F.context()
        let text = try await ReportRendering.xapi(time: context.time) { try await AttemptsReport(context: context).writeXAPI(to: $0) }
        let statements = try statements(text)
        XCTAssertEqual(statements.count, 10, "five finished, non-void attempts × (completed + passed/failed)")
        var ids = Set<String>()
        for statement in statements {
            let id = try XCTUnwrap(statement["id"] as? String)
            XCTAssertTrue(Self.matches(Self.uuidPattern, id), id)
            ids.insert(id)
            let actor = try XCTUnwrap(statement["actor"] as? [String: Any])
            let account = try XCTUnwrap(actor["account"] as? [String: Any])
            XCTAssertEqual(account["homePage"] as? String, "https://lms.example.org")
            XCTAssertNotNil(account["name"] as? String)
            let verb = try XCTUnwrap(statement["verb"] as? [String: Any])
            let verbID = try XCTUnwrap(verb["id"] as? String)
            XCTAssertTrue(
                ["http://adlnet.gov/expapi/verbs/passed", "http://adlnet.gov/expapi/verbs/failed", "http://adlnet.gov/expapi/verbs/completed"]
                    .contains(verbID), verbID)
            XCTAssertNotNil((verb["display"] as? [String: Any])?["en-US"])
            let object = try XCTUnwrap(statement["object"] as? [String: Any])
            XCTAssertTrue((object["id"] as? String)?.hasPrefix("https://lms.example.org/cares/modules/") ?? false)
            let result = try XCTUnwrap(statement["result"] as? [String: Any])
            let duration = try XCTUnwrap(result["duration"] as? String)
            XCTAssertTrue(Self.matches(Self.durationPattern, duration), duration)
            XCTAssertEqual(result["completion"] as? Bool, true)
            if verbID.hasSuffix("completed") {
                XCTAssertNil(result["success"], "cmi5: completed carries no success")
                XCTAssertNil(result["score"])
            } else {
                let score = try XCTUnwrap(result["score"] as? [String: Any])
                let raw = try XCTUnwrap(score["raw"] as? Double, "raw is a number")
                let min = try XCTUnwrap(score["min"] as? Double), max = try XCTUnwrap(score["max"] as? Double)
                XCTAssertTrue(min <= raw && raw <= max)
                let scaled = try XCTUnwrap(score["scaled"] as? Double)
                XCTAssertTrue((0...1).contains(scaled))
                XCTAssertEqual(result["success"] as? Bool, verbID.hasSuffix("passed"))
            }
            let contextObject = try XCTUnwrap(statement["context"] as? [String: Any])
            XCTAssertNotNil(UUID(uuidString: contextObject["registration"] as? String ?? ""))
            XCTAssertNotNil(statement["timestamp"] as? String)
        }
        XCTAssertEqual(ids.count, 10, "ids are unique")
        let a1 = F.attemptIDs["A1"]!.uuidString.lowercased()
        let a1Passed = try XCTUnwrap(statements.first {
            ($0["context"] as? [String: Any])?["registration"] as? String == a1 && (($0["verb"] as? [String: Any])?["id"] as? String)?.hasSuffix("passed") == true
        })
        let result = try XCTUnwrap(a1Passed["result"] as? [String: Any])
        XCTAssertEqual(result["duration"] as? String, "PT12M30.50S")
        XCTAssertEqual((result["score"] as? [String: Any])?["raw"] as? Int, 3)
        XCTAssertEqual((result["score"] as? [String: Any])?["scaled"] as? Double, 1)
        XCTAssertEqual((a1Passed["actor"] as? [String: Any])?["name"] as? String, "Yusuf, Amina \"Ami\"")

        let again = try await ReportRendering.xapi(time: context.time) { try await AttemptsReport(context: context).writeXAPI(to: $0) }
        XCTAssertEqual(try self.statements(again).compactMap { $0["id"] as? String }, statements.compactMap { $0["id"] as? String }, "deterministic ids")

        let completions = try await ReportRendering.xapi(time: context.time) { try await CompletionsReport(context: context).writeXAPI(to: $0) }
        let completionIDs = Set(try self.statements(completions).compactMap { $0["id"] as? String })
        XCTAssertEqual(completionIDs.count, 8, "the counted pass of rn-1 (two modules), rn-4 and sw-3")
        XCTAssertTrue(completionIDs.isSubset(of: ids), "the same statement ids as the attempts export")
    }

    func testXAPIRawScoreIsNotRoundedAndIdsDependOnTheHomePage() throws {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let attempt = Attempt(
            learnerID: "rn-1", moduleID: "signs", moduleVersion: "1.0.0", contentHash: "h", seed: 1, questionCount: 9,
            startedAt: start, finishedAt: start.addingTimeInterval(60), status: .failed, points: 4.5, maxPoints: 9, scorePercent: 50)
        let time = ReportTime(timeZone: TimeZone(identifier: "UTC")!)
        let builder = XAPIStatementBuilder(homePage: "https://lms.example.org/", time: time)
        let statements = builder.statements(for: attempt, learner: Learner(id: "rn-1"), moduleTitle: "Signs")
        XCTAssertEqual(statements.map(\.verb), ["completed", "failed"])
        let failed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(statements[1].json.utf8)) as? [String: Any])
        let score = try XCTUnwrap((failed["result"] as? [String: Any])?["score"] as? [String: Any])
        XCTAssertEqual(score["raw"] as? Double, 4.5, "4.5 of 9 stays 4.5")
        XCTAssertEqual(score["max"] as? Double, 9)
        XCTAssertEqual(score["scaled"] as? Double, 0.5)
        XCTAssertTrue(statements[1].json.contains("\"raw\":4.5,\"min\":0,\"max\":9"), statements[1].json)
        XCTAssertEqual(failed["id"] as? String, statements[1].id.uuidString.lowercased())

        let same = XAPIStatementBuilder(homePage: "https://lms.example.org", time: time).statements(for: attempt, learner: Learner(id: "rn-1"), moduleTitle: "Signs")
        XCTAssertEqual(same.map(\.id), statements.map(\.id), "a trailing slash is the same home page")
        let other = XAPIStatementBuilder(homePage: "https://other.example.org", time: time).statements(for: attempt, learner: Learner(id: "rn-1"), moduleTitle: "Signs")
        XCTAssertTrue(Set(other.map(\.id)).isDisjoint(with: statements.map(\.id)), "another home page, other ids")
    }

    func testDurationsAndNameBasedUUIDs() {
        XCTAssertEqual(XAPIWriter.duration(0), "PT0S")
        XCTAssertEqual(XAPIWriter.duration(3725), "PT1H2M5S")
        XCTAssertEqual(XAPIWriter.duration(60), "PT1M")
        XCTAssertEqual(XAPIWriter.duration(0.126), "PT0.13S")
        let namespace = DeterministicUUID.statementNamespace
        XCTAssertEqual(DeterministicUUID.make(namespace: namespace, name: "x"), DeterministicUUID.make(namespace: namespace, name: "x"))
        XCTAssertNotEqual(DeterministicUUID.make(namespace: namespace, name: "x/passed"), DeterministicUUID.make(namespace: namespace, name: "x/completed"))
    }
}
