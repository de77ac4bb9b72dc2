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
}
