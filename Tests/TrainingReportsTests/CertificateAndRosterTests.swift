import Foundation
import TrainingKit
import TrainingReports
import TrainingService
import TrainingStore
import XCTest

/// Certificates and their codes; roster CSV parsing and import; grants in standings.
final class CertificateAndRosterTests: XCTestCase {
    typealias F = ReportFixture

    func service() async throws -> (CertificateService, any CompletionStore) {
        let context = try await F.context()
        return (CertificateService(store: context.store, catalog: context.catalog), context.store)
    }

    func testACertificateVerifiesAndAForgedCodeDoesNot() async throws {
        let (service, store) = try await service()
        let record = try await service.issue(learnerID: "rn-4", moduleID: "signs", now: F.now)
        XCTAssertEqual(record.attempt.id, F.attemptIDs["A4"])
        XCTAssertEqual(record.certificate.code.count, 20)
        let again = try await service.issue(learnerID: "rn-4", moduleID: "signs", now: F.now)
        XCTAssertEqual(again.certificate.code, record.certificate.code, "printing again gives the same code")

        let shown = CertificateCode.display(record.certificate.code)
        guard case .valid(let verified) = try await service.verify(shown.lowercased()) else { return XCTFail("should verify") }
        XCTAssertEqual(verified.attempt.id, F.attemptIDs["A4"])
        XCTAssertEqual(verified.expiresAt, F.date("2026-06-24T08:07:00Z"))

        // A forged code: one character changed, or a fresh random one, or a hash of what is printed.
        var characters = Array(record.certificate.code)
        characters[7] = characters[7] == "7" ? "8" : "7"
        let printed = "rn-4|signs|1.0.0|2026-05-25"
        for forged in [String(characters), CertificateCode.random(), String(SHA256.hexDigest(Array(printed.utf8)).prefix(20)), "not a code"] {
            guard case .invalid = try await service.verify(forged) else { return XCTFail("\(forged) must not verify") }
        }

        // Voiding the attempt withdraws the certificate.
        try await store.voidAttempt(
            AuditEvent(kind: .attemptVoided, learnerID: "rn-4", moduleID: "signs", attemptID: F.attemptIDs["A4"]!, reason: "Irregular", osUser: "c"))
        guard case .invalid(let message) = try await service.verify(shown) else { return XCTFail("a void attempt must not verify") }
        XCTAssertTrue(message.contains("voided"), message)
    }

    func testNoCertificateWithoutACurrentPass() async throws {
        let (service, _) = try await service()
        for (learner, module, why) in [("rn-1", "signs", "expired"), ("rn-1", "reporting", "earlier major version"), ("md-2", "signs", "no pass")] {
            do {
                _ = try await service.issue(learnerID: learner, moduleID: module, now: F.now)
                XCTFail("\(learner) \(module) must be refused")
            } catch ServiceError.notFound(let message, _) {
                XCTAssertTrue(message.contains(why), message)
            }
        }
    }

    func testCertificatePageIsEscapedAndComplete() async throws {
        let (service, _) = try await service()
        let record = try await service.issue(learnerID: "rn-4", moduleID: "signs", now: F.now)
        let html = CertificatePage(record: record, siteName: "St <Mary's>", time: ReportTime(timeZone: TimeZone(identifier: "UTC")!)).html
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("St &lt;Mary&#39;s&gt;"))
        for text in ["Recognising the signs", "1.0.0", "25 May 2026", "67%", "24 June 2026", CertificateCode.display(record.certificate.code)] {
            XCTAssertTrue(html.contains(text), text)
        }
    }

    func testCodesCanonicalise() {
        XCTAssertEqual(CertificateCode.canonical("abcde-fghjk-mnpqr-stvwx"), "ABCDEFGHJKMNPQRSTVWX")
        XCTAssertEqual(CertificateCode.canonical("0O1IL 00000 00000 00000"), "00111000000000000000")
        XCTAssertNil(CertificateCode.canonical("ABCDE"))
        XCTAssertNil(CertificateCode.canonical("UUUUUUUUUUUUUUUUUUUU"))
        XCTAssertNotEqual(CertificateCode.random(), CertificateCode.random())
    }

    // MARK: Roster

    func testCSVReaderHandlesQuotesLineBreaksAndBOM() throws {
        let text = "\u{FEFF}id,name\r\nrn-1,\"Yusuf, Amina \"\"Ami\"\"\"\r\nrn-2,\"two\nlines\"\nrn-3,李\n"
        let records = try CSVReader.records(text).get()
        XCTAssertEqual(records.map(\.fields), [["id", "name"], ["rn-1", "Yusuf, Amina \"Ami\""], ["rn-2", "two\nlines"], ["rn-3", "李"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 3, 5], "a record keeps the line it starts on")
        guard case .failure(let failure) = CSVReader.records("id\n\"open\nx\n") else { return XCTFail("unclosed quote") }
        XCTAssertEqual(failure.line, 2)
    }

    func testRosterImportAddsUpdatesAndNeverDuplicates() async throws {
        let store = try SQLiteStore.inMemory()
        let importer = RosterImport(store: store, fileName: "roster.csv")
        let first = try await importer.run("id,name,email,department,role\nrn-1,Ana,ana@x.org,Emergency,RN\nmd-2,Pat,,Psychiatry,MD\n")
        XCTAssertEqual(first, RosterImport.Outcome(added: 2, updated: 0, unchanged: 0))
        let second = try await importer.run("ROLE,Id,Department\nRN,rn-1,Obstetrics\nMD,md-2,Psychiatry\nSW,sw-3,Social Work\n")
        XCTAssertEqual(second, RosterImport.Outcome(added: 1, updated: 1, unchanged: 1))
        let learners = try await store.learners()
        XCTAssertEqual(learners.map(\.id), ["md-2", "rn-1", "sw-3"])
        XCTAssertEqual(learners[1].department, "Obstetrics")
        XCTAssertEqual(learners[1].name, "Ana", "a column left out keeps what is on record")
        XCTAssertTrue(learners.allSatisfy(\.fromRoster))
    }

    func testRosterProblemsNameTheirLinesAndNothingIsImported() async throws {
        let store = try SQLiteStore.inMemory()
        let importer = RosterImport(store: store, fileName: "roster.csv")
        let text = "id,name,email\nrn-1,Ana,ana@x.org\n\"rn 2\",Bad id,\nrn-1,Again,\nrn-4,\"A, B\",not-an-email\nrn-5,Too,many,fields\n"
        do {
            _ = try await importer.run(text)
            XCTFail("expected problems")
        } catch ServiceError.roster(let problems) {
            XCTAssertEqual(problems.count, 4, problems.joined(separator: "\n"))
            XCTAssertTrue(problems[0].hasPrefix("roster.csv:3: 'rn 2' is not a valid staff ID"), problems[0])
            XCTAssertTrue(problems[1].hasPrefix("roster.csv:4: the id 'rn-1' is already on line 2"), problems[1])
            XCTAssertTrue(problems[2].hasPrefix("roster.csv:5: 'not-an-email' is not an email address"), problems[2])
            XCTAssertTrue(problems[3].hasPrefix("roster.csv:6: 4 fields"), problems[3])
        }
        let none = try await store.learners()
        XCTAssertEqual(none, [], "nothing is imported from a file with problems")
        do {
            _ = try await importer.run("staff,name\nrn-1,Ana\n")
            XCTFail("expected a header problem")
        } catch ServiceError.roster(let problems) {
            XCTAssertTrue(problems.contains { $0.contains("roster.csv:1: unknown column 'staff'") }, problems.joined())
        }
    }

    // MARK: Grants

    func testGrantsCountOnlyInTheCurrentPeriod() throws {
        let policy = ModulePolicy(version: try XCTUnwrap(SemanticVersion("1.0.0")), passMark: 80, validForDays: 30, maxAttempts: 2)
        let start = F.date("2026-01-01T00:00:00Z")
        let failed = (0..<2).map { index in
            Attempt(
                learnerID: "rn-1", moduleID: "m", moduleVersion: "1.0.0", contentHash: "h", seed: 0, questionCount: 1,
                startedAt: start.addingTimeInterval(Double(index) * 3600), finishedAt: start.addingTimeInterval(Double(index) * 3600 + 60),
                status: .failed, points: 0, maxPoints: 1, scorePercent: 0)
        }
        let out = ModuleStanding.compute(attempts: failed, policy: policy, grantedAt: [], now: F.now)
        XCTAssertTrue(out.isOutOfAttempts)
        let granted = ModuleStanding.compute(
            attempts: failed, policy: policy, grantedAt: [start.addingTimeInterval(7200)], now: F.now)
        XCTAssertEqual(granted.attemptsAllowed, 3)
        XCTAssertEqual(granted.attemptsLeft, 1)

        // A pass that has since expired starts a new period: a grant from before it no longer counts.
        var passed = failed[1]
        passed.id = UUID()
        passed.status = .passed
        passed.startedAt = start.addingTimeInterval(10_000)
        passed.finishedAt = start.addingTimeInterval(10_060)
        let later = ModuleStanding.compute(
            attempts: failed + [passed], policy: policy,
            grantedAt: [start.addingTimeInterval(7200)], now: F.now)
        XCTAssertEqual(later.state, .expired)
        XCTAssertEqual(later.attemptsAllowed, 2)
    }
}
