import Foundation
import TrainingKit
import XCTest

/// `cares report items` and `cares certificate` show module text as `cares take` does: placeholders
/// filled from the same site file (the modules folder's site.yaml, or `--site FILE`).
final class ReportSiteFactsTests: XCTestCase {
    var home: URL!
    var modules: String { home.appendingPathComponent("modules").path }
    var database: String { home.appendingPathComponent("data/cares.sqlite").path }

    static let module = """
        id: site-facts
        version: 1.0.0
        title: Calling for help at {{site.site_name}}
        summary: Who to call.
        audience: [emergency]
        pass_mark: 50
        sources:
          - "A test fixture"
        objectives:
          - id: calling
            text: Call {{site.safeguarding_lead}} when you are worried
        lessons:
          - id: calling
            title: Calling
            objectives: [calling]
            body: Call {{site.safeguarding_lead}} when you are worried about a patient.
        quiz:
          questions:
            - id: who
              type: single
              objective: calling
              prompt: A patient at {{site.site_name}} may be trafficked. Whom do you call first?
              choices:
                - text: "{{site.safeguarding_lead}}, who will help you plan"
                  correct: true
                - text: "{{site.police_non_emergency}}, at once and in front of the companion"
                - text: The companion's employer, to check the story
            - id: alone
              type: true-false
              objective: calling
              prompt: You see every patient alone for part of the visit.
              answer: true

        """

    static func site(_ police: String) -> String {
        """
        facts:
          site_name: "Riverside General"
          safeguarding_lead: "the safeguarding lead on bleep 4471"
          police_non_emergency: "\(police)"

        """
    }

    override func setUpWithError() throws {
        home = try CaresProcess.temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: modules, withIntermediateDirectories: true)
        try Data(Self.module.utf8).write(to: URL(fileURLWithPath: modules + "/site-facts.yaml"))
        try Data(Self.site("the police non-emergency line on 101").utf8).write(to: URL(fileURLWithPath: modules + "/site.yaml"))
        try Data(Self.site("the constabulary on 0300 123 4567").utf8).write(to: home.appendingPathComponent("other-site.yaml"))
    }

    func cares(_ arguments: [String], input: String = "") throws -> CaresProcess.Output {
        try CaresProcess.run(
            arguments + ["--database", database, "--modules", modules], input: input,
            environment: [
                "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "XDG_DATA_HOME": home.appendingPathComponent("data-home").path,
                "CARES_LEARNER": "", "CARES_DATABASE": "", "CARES_MODULES": "", "CARES_SITE": "", "TZ": "UTC",
            ],
            directory: home)
    }

    func testReportsAndTheCertificateShowTheSiteFactsAsTheQuizDoes() throws {
        let set = ModuleCatalog().load(paths: [modules])
        let module = try XCTUnwrap(set.module(id: "site-facts"), "\(set.diagnostics)").fillingPlaceholders(set.site?.facts ?? [:])
        let script = AnswerScript(module: module, seed: 1)
        // The single-choice question wrong with the police choice, the other right: 1 of 2 points, a pass at 50.
        let input = script.lines { planned in
            guard case .single(let choices) = planned.question.kind else { return AnswerScript.right(planned) }
            let police = choices.firstIndex { $0.text.contains("the police non-emergency line") } ?? 1
            return PlannedQuestion.label(planned.displayOrder.firstIndex(of: police) ?? 0)
        }
        var output = try cares(["take", "site-facts", "--learner", "rn-1", "--seed", "1"], input: input.joined(separator: "\n") + "\n")
        XCTAssertEqual(output.status, 0, output.stdout + output.stderr)

        output = try cares(["report", "items", "--module", "site-facts", "--format", "json"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertFalse(output.stdout.contains("{{site."), output.stdout)
        XCTAssertTrue(output.stdout.contains("A patient at Riverside General may be trafficked"), output.stdout)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let who = try XCTUnwrap((json["questions"] as? [[String: Any]])?.first { $0["id"] as? String == "who" })
        XCTAssertEqual(who["most_chosen_wrong"] as? String, "b: the police non-emergency line on 101, at once and in front of the companion")
        XCTAssertTrue(output.stdout.contains("Calling for help at Riverside General"), output.stdout)

        output = try cares(["report", "items", "--module", "site-facts", "--format", "html", "--site", home.appendingPathComponent("other-site.yaml").path])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertFalse(output.stdout.contains("{{site."), output.stdout)
        XCTAssertTrue(output.stdout.contains("the constabulary on 0300 123 4567, at once"), "--site chooses the facts, as for take")

        output = try cares(["report", "items", "--module", "site-facts"])
        XCTAssertTrue(output.stdout.contains("the police non-emergency line on 101, at once"), output.stdout)

        output = try cares(["certificate", "--module", "site-facts", "--learner", "rn-1", "--output", "-"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("Calling for help at Riverside General"), output.stdout)
    }
}
