import Foundation
import TrainingKit
import TrainingStore
import XCTest

/// The coordinator commands run as a built binary: roster, grants and voids, reports, certificates.
final class CoordinatorCommandTests: CaresCommandTestCase {
    static let fixtures = TakeCommandTests.fixtures

    func testRosterImportReportsLinesAndUpdatesWithoutDuplicates() throws {
        let bad = try write("bad.csv", "id,name,department\nrn-1,Ana,Emergency\nrn 2,Bad,\n")
        var output = try cares(["learners", "import", bad])
        XCTAssertEqual(output.status, 65, output.stderr)
        XCTAssertTrue(output.stderr.contains("bad.csv:3: 'rn 2' is not a valid staff ID"), output.stderr)
        XCTAssertTrue(output.stderr.contains("Nothing was imported"), output.stderr)

        let roster = try write("roster.csv", "\u{FEFF}id,name,email,department,role\r\nrn-4471,\"Yusuf, Amina\",amina@example.org,Emergency,RN\r\nsw-2207,李小龍,,Social Work,SW\r\n")
        output = try cares(["learners", "import", roster])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stdout, "Imported 2 learners from \(roster): 2 new, 0 updated, 0 unchanged.\n")
        output = try cares(["learners", "import", roster])
        XCTAssertTrue(output.stdout.contains("0 new, 0 updated, 2 unchanged"), output.stdout)
        output = try cares(["learners", "list", "--format", "json"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["learner_id"] as? String }, ["rn-4471", "sw-2207"])
        XCTAssertEqual(rows.first?["from_roster"] as? Bool, true)

        output = try take("stranger", right: true, seed: 1)
        XCTAssertEqual(output.status, 1, "ids outside the roster are refused")
    }

    func testReportColumnsWideAndPipedTables() throws {
        _ = try cares(["learners", "import", try write("roster.csv", "id,name,department,role\nrn-4471,Amina Yusuf,Emergency,RN\n")])
        XCTAssertEqual(try take("rn-4471", right: true, seed: 1).status, 0)
        var output = try cares(["report", "completions", "--columns", "status,learner_id,best_score"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.hasPrefix("STATUS  LEARNER  BEST\npassed  rn-4471  100%\n"), output.stdout)
        output = try cares(["report", "completions", "--columns", "status,score"])
        XCTAssertEqual(output.status, 64)
        XCTAssertTrue(output.stderr.contains("no column 'score' in `report completions`"), output.stderr)
        XCTAssertTrue(output.stderr.contains("learner_id, learner_name, department"), output.stderr)
        output = try cares(["report", "completions", "--format", "csv", "--wide"])
        XCTAssertEqual(output.status, 64, "--wide is for tables")
        // Piped: every column in full, whatever COLUMNS says.
        output = try CaresProcess.run(
            ["report", "completions", "--database", database, "--modules", Self.fixtures],
            environment: environment.merging(["COLUMNS": "40"]) { $1 }, directory: home)
        XCTAssertTrue(output.stdout.hasPrefix("LEARNER  NAME         DEPARTMENT  ROLE"), output.stdout)
        XCTAssertTrue(output.stdout.contains("ALLOWED"), output.stdout)
        XCTAssertFalse(output.stdout.contains("…"), output.stdout)
    }

    func testGrantVoidReportsCertificateAndVerify() throws {
        _ = try cares(["learners", "import", try write("roster.csv", "id,name,department,role\nrn-4471,Amina Yusuf,Emergency,RN\n")])
        for seed: UInt64 in [1, 2, 3] { XCTAssertEqual(try take("rn-4471", right: false, seed: seed).status, 0) }
        var output = try take("rn-4471", right: true, seed: 4)
        XCTAssertEqual(output.status, 1, "out of attempts")
        XCTAssertTrue(output.stderr.contains("cares attempts grant"), output.stderr)

        output = try cares(["attempts", "grant", "--learner", "rn-4471", "--module", "every-type", "--reason", "  "])
        XCTAssertEqual(output.status, 64, "a reason is required")
        output = try cares(["attempts", "grant", "--learner", "rn-4471", "--module", "every-type", "--reason", "Fire alarm during the quiz"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("3 used of 4 allowed"), output.stdout)
        output = try cares(["list", "--learner", "rn-4471"])
        XCTAssertTrue(output.stdout.contains("failed — 1 attempt left"), output.stdout)
        output = try take("rn-4471", right: true, seed: 4)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("· PASSED"), output.stdout)

        // Reports through the binary.
        output = try cares(["report", "completions", "--format", "csv", "--output", "completions.csv"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let bytes = try Data(contentsOf: home.appendingPathComponent("completions.csv"))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a UTF-8 byte order mark")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("learner_id,"))
        XCTAssertTrue(csv.contains("rn-4471,Amina Yusuf,Emergency,RN,every-type,"), csv)
        XCTAssertTrue(csv.contains(",passed,100,"), csv)
        output = try cares(["report", "attempts", "--format", "xapi"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let statements = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(statements.count, 8, "four finished attempts, two statements each")
        XCTAssertTrue(output.stdout.contains("\"homePage\":\"https://lms.example.org\"") || output.stdout.contains("homePage"), output.stdout)
        output = try cares(["report", "attempts", "--format", "xapi", "--home-page", "ftp://x"])
        XCTAssertEqual(output.status, 64)
        output = try cares(["report", "due", "--format", "xapi"])
        XCTAssertEqual(output.status, 64, "xapi is for attempts and completions")
        output = try cares(["report", "items"])
        XCTAssertEqual(output.status, 64)
        XCTAssertTrue(output.stderr.contains("--module"), output.stderr)
        output = try cares(["report", "items", "--module", "every-typo"])
        XCTAssertEqual(output.status, 1)
        XCTAssertTrue(output.stderr.contains("Did you mean 'every-type'?"), output.stderr)
        for (rule, count) in [("first", 1), ("all", 4)] {
            output = try cares(["report", "items", "--module", "every-type", "--attempts", rule, "--format", "json"])
            XCTAssertEqual(output.status, 0, output.stderr)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            let test = try XCTUnwrap(json["test"] as? [String: Any], output.stdout)
            XCTAssertEqual(test["attempts"] as? Int, count, "\(rule): one learner, four finished attempts")
            XCTAssertNotNil((json["questions"] as? [[String: Any]])?.first?["choices"], output.stdout)
        }
        output = try cares(["report", "items", "--module", "every-type", "--attempts", "newest"])
        XCTAssertEqual(output.status, 64, "an unknown attempt rule is a usage error")
        output = try cares(["report", "items", "--module", "every-type", "--version", "0.0.1"])
        XCTAssertTrue(output.stdout.contains("Version 0.0.1") && output.stdout.contains("0 attempts"), output.stdout)
        for report in [["completions"], ["attempts"], ["due"], ["items", "--module", "every-type"], ["transcript", "--learner", "rn-4471"]] {
            for format in ["table", "csv", "json", "html"] {
                output = try cares(["report"] + report + ["--format", format])
                XCTAssertEqual(output.status, 0, "\(report) \(format): \(output.stderr)")
                XCTAssertFalse(output.stdout.isEmpty)
            }
        }
        output = try cares(["report", "transcript", "--learner", "rn-4471"])
        XCTAssertTrue(output.stdout.contains("attempt granted"), output.stdout)
        XCTAssertTrue(output.stdout.contains("Fire alarm during the quiz"), output.stdout)
        output = try cares(["report", "attempts", "--since", "yesterday"])
        XCTAssertEqual(output.status, 64)

        // Certificate and verification.
        output = try cares(["certificate", "--module", "every-type", "--learner", "rn-4471"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let certificate = try String(contentsOfFile: home.appendingPathComponent("certificate-every-type-rn-4471.html").path, encoding: .utf8)
        XCTAssertTrue(certificate.contains("Amina Yusuf"))
        let code = try XCTUnwrap(output.stdout.components(separatedBy: "verification code ").last?.trimmingCharacters(in: CharacterSet(charactersIn: ".\n")))
        XCTAssertTrue(certificate.contains(code))
        output = try cares(["verify", code])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.hasPrefix("Valid:"), output.stdout)
        XCTAssertTrue(output.stdout.contains("rn-4471 (Amina Yusuf)"), output.stdout)
        output = try cares(["verify", "ABCDE-FGHJK-MNPQR-STVWX"])
        XCTAssertEqual(output.status, 1, "a forged code fails")
        output = try cares(["certificate", "--module", "every-type", "--learner", "nobody"])
        XCTAssertEqual(output.status, 1)

        // Voiding the pass withdraws it; voiding again is refused.
        let store = try SQLiteStore(path: database)
        let pass = try XCTUnwrap(try awaitResult { try await store.attempts(learnerID: "rn-4471", moduleID: "every-type") }.last)
        output = try cares(["attempts", "void", pass.id.uuidString, "--reason", "Someone else took it"])
        XCTAssertEqual(output.status, 0, output.stderr)
        output = try cares(["verify", code])
        XCTAssertEqual(output.status, 1)
        XCTAssertTrue(output.stderr.contains("voided"), output.stderr)
        output = try cares(["attempts", "void", pass.id.uuidString, "--reason", "again"])
        XCTAssertEqual(output.status, 1)
        output = try cares(["attempts", "void", "not-a-uuid", "--reason", "x"])
        XCTAssertEqual(output.status, 64)
        let events = try awaitResult { try await store.auditEvents(learnerID: "rn-4471", moduleID: nil) }
        XCTAssertEqual(events.map(\.kind), [.attemptGranted, .attemptVoided])
        XCTAssertTrue(events.allSatisfy { !$0.osUser.isEmpty })
    }

}

/// Carries a result out of a task.
final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
