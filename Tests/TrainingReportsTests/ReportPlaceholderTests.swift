import Foundation
import TrainingKit
import TrainingReports
import TrainingService
import XCTest

/// Module text in reports reads as the quiz shows it: `{{site.KEY}}` filled with the site's facts,
/// unknown placeholders left as written.
final class ReportPlaceholderTests: XCTestCase {
    typealias B = BrowserFixture

    func testItemsReportFillsPromptsChoicesObjectivesAndTheMostChosenWrongAnswer() async throws {
        var context = try await B.context()
        context.filter.moduleID = "long"
        let police = try XCTUnwrap(B.facts["police_non_emergency"])
        let site = try XCTUnwrap(B.facts["site_name"])
        for format in [ReportFormat.json, .html, .csv, .table] {
            let text = try await ReportRendering.render(format, time: context.time) { try await ItemsReport(context: context).write(to: $0) }
            XCTAssertFalse(text.contains("{{site.police_non_emergency}}"), "\(format): \(text)")
            XCTAssertFalse(text.contains("{{site.site_name}}"), "\(format)")
            XCTAssertFalse(text.contains("{{site.safeguarding_lead}}"), "\(format)")
            if format != .table { XCTAssertTrue(text.contains(site), "\(format): the prompt names the site") }
        }
        let json = try ReportRendering.json(
            try await ReportRendering.render(.json, time: context.time) { try await ItemsReport(context: context).write(to: $0) })
        let questions = try XCTUnwrap(json["questions"] as? [[String: Any]])
        let first = try XCTUnwrap(questions.first)
        XCTAssertEqual(first["prompt"] as? String, "A woman attends \(site) with a companion who answers every question for her. What do you do first? (question 1)")
        let choices = try XCTUnwrap(first["choices"] as? [[String: Any]])
        XCTAssertEqual(choices.first { $0["id"] as? String == "b" }?["text"] as? String,
                       "Call \(police) at once and wait for officers before speaking to the patient")
        XCTAssertEqual(choices.first { $0["id"] as? String == "d" }?["text"] as? String,
                       "Ask {{site.not_a_fact}} — an unknown placeholder stays as written")
        let wrong = questions.compactMap { $0["most_chosen_wrong"] as? String }
        XCTAssertFalse(wrong.isEmpty)
        XCTAssertFalse(wrong.contains { $0.contains("{{site.police_non_emergency}}") }, "\(wrong)")
        let objectives = try XCTUnwrap(json["objectives"] as? [[String: Any]])
        XCTAssertTrue(objectives.contains { ($0["objective_text"] as? String)?.contains(site) == true }, "\(objectives)")
    }

    func testModuleTitlesAreFilledInEveryReportAndTheCertificate() async throws {
        let context = try await B.context()
        let title = B.longTitle + " at " + (B.facts["site_name"] ?? "")
        for (name, body) in BrowserTests.reports(context) {
            let text = try await ReportRendering.render(.json, time: context.time, body)
            let raw = text.replacingOccurrences(of: "{{site.not_a_fact}}", with: "")
            XCTAssertFalse(raw.contains("{{site."), "\(name): \(raw.prefix(2000))")
            if ["completions", "due", "attempts", "transcript"].contains(name) { XCTAssertTrue(text.contains(title), name) }
        }
        let record = try await CertificateService(store: context.store, catalog: context.catalog)
            .issue(learnerID: B.learners[1].id, moduleID: "long", now: ReportFixture.now)
        XCTAssertEqual(record.moduleTitle, title)
    }

    func testFillingIsHarmlessWithoutASiteAndTwice() async throws {
        let plain = try await B.context()
        let unfilled = ReportContext(store: plain.store, catalog: plain.catalog, site: nil)
        let twice = ReportContext(store: plain.store, catalog: plain.catalog, site: B.site)
        XCTAssertEqual(twice.catalog.module(id: "long")?.title, plain.catalog.module(id: "long")?.title)
        XCTAssertEqual(unfilled.catalog.module(id: "long")?.title, plain.catalog.module(id: "long")?.title, "an already filled catalog stays filled")
        let raw = try await ModuleDirectory.load(modules: [B.long], store: plain.store)
        XCTAssertEqual(ReportContext(store: plain.store, catalog: raw, site: nil).catalog.module(id: "long")?.title, B.long.title,
                       "no site: placeholders stay as written")
    }
}
