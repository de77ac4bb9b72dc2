import Foundation
import TrainingStore
import XCTest

/// The conformance suite against `PostgresStore` on the server of `CARES_TEST_POSTGRES_URL`,
/// each test in a schema of its own.
final class PostgresConformanceTests: CompletionStoreConformanceTests, CompletionStoreConformanceEntries {
    private var servers: [PostgresTestServer] = []

    override func makeStore() async throws -> any CompletionStore {
        let server = try await PostgresTestServer.create()
        servers.append(server)
        return try await server.store()
    }

    override func tearDown() async throws {
        for server in servers { await server.tearDown() }
        servers = []
        try await super.tearDown()
    }

    // MARK: Conformance entries

    func testSaveFetchAndUpdateLearner() async throws { try await checkSaveFetchAndUpdateLearner() }
    func testLearnersAreOrderedByIDAndRosterIsDetected() async throws {
        try await checkLearnersAreOrderedByIDAndRosterIsDetected()
    }
    func testStartAttemptRecordsAttemptSnapshotAndLearner() async throws {
        try await checkStartAttemptRecordsAttemptSnapshotAndLearner()
    }
    func testStartAttemptKeepsAKnownLearner() async throws { try await checkStartAttemptKeepsAKnownLearner() }
    func testOnlyOneAttemptInProgressPerLearnerAndModule() async throws {
        try await checkOnlyOneAttemptInProgressPerLearnerAndModule()
    }
    func testFinishSetsTheResult() async throws { try await checkFinishSetsTheResult() }
    func testAbandonKeepsTheAttemptWithoutAResult() async throws {
        try await checkAbandonKeepsTheAttemptWithoutAResult()
    }
    func testAttemptsAreOldestFirstAndFilteredByModule() async throws {
        try await checkAttemptsAreOldestFirstAndFilteredByModule()
    }
    func testInProgressAttemptsListsOnlyOpenOnesOldestFirst() async throws {
        try await checkInProgressAttemptsListsOnlyOpenOnesOldestFirst()
    }
    func testResponsesAreRecordedInOrder() async throws { try await checkResponsesAreRecordedInOrder() }
    func testDuplicateResponseIsRefused() async throws { try await checkDuplicateResponseIsRefused() }
    func testResponsesAreRefusedOnceTheAttemptIsOver() async throws {
        try await checkResponsesAreRefusedOnceTheAttemptIsOver()
    }
    func testModuleSnapshotIsTheLatestForThatVersion() async throws {
        try await checkModuleSnapshotIsTheLatestForThatVersion()
    }
    func testDatesRoundTripToTheMillisecond() async throws { try await checkDatesRoundTripToTheMillisecond() }
    func testSeedsAboveInt64MaxRoundTrip() async throws { try await checkSeedsAboveInt64MaxRoundTrip() }
    func testSchemaVersionIsCurrentAfterMigrate() async throws { try await checkSchemaVersionIsCurrentAfterMigrate() }
    func testAFreshStoreHasNoIntegrityProblems() async throws { try await checkAFreshStoreHasNoIntegrityProblems() }
    func testImportLearnerKeepsExistingOnes() async throws { try await checkImportLearnerKeepsExistingOnes() }
    func testModuleSnapshotRecordsKeepOrderAndImportOnce() async throws {
        try await checkModuleSnapshotRecordsKeepOrderAndImportOnce()
    }
    func testAttemptPagesListEveryAttemptOnceInIDOrder() async throws {
        try await checkAttemptPagesListEveryAttemptOnceInIDOrder()
    }
    func testImportAttemptIsIdempotentAndClosesOpenOnes() async throws {
        try await checkImportAttemptIsIdempotentAndClosesOpenOnes()
    }
    func testImportAttemptRefusesASecondInProgress() async throws {
        try await checkImportAttemptRefusesASecondInProgress()
    }

    func testForEachAttemptStreamsInOrderWithFilters() async throws { try await checkForEachAttemptStreamsInOrderWithFilters() }
    func testForEachResponseGivesEachResponseWithItsAttempt() async throws { try await checkForEachResponseGivesEachResponseWithItsAttempt() }
    func testModuleSnapshotsListTheLatestOfEachVersion() async throws { try await checkModuleSnapshotsListTheLatestOfEachVersion() }
    func testDeactivateKeepsTheLearnerAndTheirHistory() async throws { try await checkDeactivateKeepsTheLearnerAndTheirHistory() }
    func testEraseReplacesTheLearnerEverywhereAndKeepsScores() async throws { try await checkEraseReplacesTheLearnerEverywhereAndKeepsScores() }
    func testGrantsAreKeptAsAuditEvents() async throws { try await checkGrantsAreKeptAsAuditEvents() }
    func testVoidMarksTheAttemptAndRecordsTheEvent() async throws { try await checkVoidMarksTheAttemptAndRecordsTheEvent() }
    func testCertificatesKeepTheFirstCodeAndAreFoundByCode() async throws { try await checkCertificatesKeepTheFirstCodeAndAreFoundByCode() }
}
