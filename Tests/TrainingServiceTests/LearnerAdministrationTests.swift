import Foundation
import TrainingKit
import TrainingService
import TrainingStore
import XCTest

/// Roster admission, reasons, deactivation, erasure and voids through the service.
final class LearnerAdministrationTests: XCTestCase {
    func testOnceARosterExistsOnlyItsIDsAreAdmitted() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let admin = LearnerAdministration(store: store, osUser: "coord")
        try await admin.admit("anyone")
        let outcome = try await admin.importRoster("id,name\nrn-1,Ana\n", fileName: "roster.csv")
        XCTAssertEqual(outcome.added, 1)
        try await admin.admit("rn-1")
        do {
            try await admin.admit("rn-9")
            XCTFail("an id outside the roster must be refused")
        } catch ServiceError.refused(let message, _) {
            XCTAssertEqual(message, "rn-9 is not on this site's roster.")
        }
    }

    func testReasonsAreCheckedAndUnknownPeopleAndAttemptsNamed() async throws {
        XCTAssertThrowsError(try LearnerAdministration.reason("   ")) { error in
            XCTAssertEqual(error as? ServiceError, .usage("--reason must say why"))
        }
        XCTAssertThrowsError(try LearnerAdministration.reason(String(repeating: "x", count: 501)))
        XCTAssertEqual(try LearnerAdministration.reason("  Sick  "), "Sick")
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let admin = LearnerAdministration(store: store)
        do {
            try await admin.deactivate("nobody")
            XCTFail("unknown learner")
        } catch ServiceError.notFound(let message, let hint) {
            XCTAssertEqual(message, "there is no learner 'nobody' in the records")
            XCTAssertEqual(hint, "cares learners list shows them")
        }
        let missing = UUID()
        do {
            _ = try await admin.void(attemptID: missing, reason: "Test")
            XCTFail("unknown attempt")
        } catch ServiceError.notFound(let message, _) {
            XCTAssertEqual(message, "there is no attempt \(missing.uuidString.lowercased())")
        }
    }

    func testEraseAndVoidAreRecordedWithTheReason() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let admin = LearnerAdministration(store: store, osUser: "coord")
        _ = try await admin.importRoster("id,name,email\nrn-1,Ana,ana@example.org\n", fileName: "roster.csv")
        let module = try AttemptServiceTests.module()
        let opened = try await AttemptService(store: store, learnerID: "rn-1").begin(module, seed: 1)
        let before = try await admin.void(attemptID: opened.attempt.id, reason: "Irregular")
        XCTAssertEqual(before.status, .inProgress)
        let value1 = try await store.attempt(id: opened.attempt.id)?.status
        XCTAssertEqual(value1, .void)
        do {
            _ = try await admin.void(attemptID: opened.attempt.id, reason: "Again")
            XCTFail("voiding twice")
        } catch ServiceError.refused(let message, _) {
            XCTAssertTrue(message.hasSuffix("is already void"), message)
        }
        let anonymous = try await admin.erase("rn-1", reason: "Left; asked for erasure")
        XCTAssertTrue(anonymous.hasPrefix("erased-"))
        let value2 = try await store.learner(id: "rn-1")
        XCTAssertNil(value2)
        let events = try await store.auditEvents(learnerID: anonymous, moduleID: nil)
        XCTAssertTrue(events.contains { $0.kind == .learnerErased && $0.reason == "Left; asked for erasure" && $0.osUser == "coord" })
    }

    /// A NUL would cut a value short in the store, and a 2,000,000-character name is no name:
    /// both are refused with their line, and nothing is imported.
    func testRosterRefusesControlCharactersAndOverlongFields() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let admin = LearnerAdministration(store: store)
        let text = "id,name,department,email\n"
            + "rn-1,An\u{0}a,ED,a@example.org\n"
            + "rn-2,\(String(repeating: "x", count: 2_000_000)),ED,b@example.org\n"
            + "rn-3,Ok,\"Ward\n7\",c@example.org\n"
            + "rn-4,Ok,ED,\(String(repeating: "d", count: 195))@example.org\n"
            + "rn-5,Fine,ED,e@example.org\n"
        do {
            _ = try await admin.importRoster(text, fileName: "roster.csv")
            XCTFail("control characters and overlong fields must be refused")
        } catch ServiceError.roster(let problems) {
            XCTAssertEqual(
                problems,
                [
                    "roster.csv:2: the name contains a control character (U+0000) at character 3; remove it and import again",
                    "roster.csv:3: the name is 2000000 characters long; the limit is 200",
                    "roster.csv:4: the department contains a control character (U+000A) at character 5; remove it and import again",
                    "roster.csv:6: the email is 207 characters long; the limit is 200",
                ])
        }
        let learners = try await store.learners()
        XCTAssertEqual(learners.count, 0, "nothing is imported from a file with problems")
    }

    /// An id from input is echoed escaped (no newline, no U+202E) and cut to 64 characters.
    func testRejectedIDsAreEchoedEscapedAndShort() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let admin = LearnerAdministration(store: store)
        let hostile = "evil\nid\u{202E}" + String(repeating: "z", count: 10_000)
        do {
            _ = try await admin.importRoster("id\n\"\(hostile)\"\n", fileName: "roster.csv")
            XCTFail("an invalid id must be refused")
        } catch ServiceError.roster(let problems) {
            XCTAssertEqual(problems.count, 1)
            let message = try XCTUnwrap(problems.first)
            XCTAssertTrue(message.hasPrefix("roster.csv:2: 'evil\\nid\\u{202E}zzz"), message)
            XCTAssertTrue(message.contains("…' is not a valid staff ID"), message)
            XCTAssertFalse(message.contains("\n") || message.contains("\u{202E}"), message)
            XCTAssertLessThan(message.count, 200, message)
        }
        do {
            try await admin.deactivate(hostile)
            XCTFail("unknown learner")
        } catch ServiceError.notFound(let message, _) {
            XCTAssertFalse(message.contains("\n") || message.contains("\u{202E}"), message)
            XCTAssertLessThan(message.count, 120, message)
        }
        XCTAssertEqual(ShownText.id("rn-1"), "rn-1")
        XCTAssertEqual(ShownText.id("a\u{1B}[31m\tb"), "a\\u{1B}[31m\\tb")
        XCTAssertEqual(ShownText.id(String(repeating: "é", count: 70)), String(repeating: "é", count: 64) + "…")
    }
}
