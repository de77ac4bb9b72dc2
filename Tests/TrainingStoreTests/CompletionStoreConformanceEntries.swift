/// The conformance tests, one entry each, that every backend's test class declares.
///
/// On Linux, `swift test` only finds test methods declared in the class itself, never inherited
/// ones (swiftlang/swift-package-manager#5573), so each backend writes
/// `func testX() async throws { try await checkX() }` for every entry. Listing them here makes a
/// backend that misses a new check fail to compile instead of silently skipping it.
protocol CompletionStoreConformanceEntries {
    func testSaveFetchAndUpdateLearner() async throws
    func testLearnersAreOrderedByIDAndRosterIsDetected() async throws
    func testStartAttemptRecordsAttemptSnapshotAndLearner() async throws
    func testStartAttemptKeepsAKnownLearner() async throws
    func testOnlyOneAttemptInProgressPerLearnerAndModule() async throws
    func testFinishSetsTheResult() async throws
    func testAbandonKeepsTheAttemptWithoutAResult() async throws
    func testAttemptsAreOldestFirstAndFilteredByModule() async throws
    func testInProgressAttemptsListsOnlyOpenOnesOldestFirst() async throws
    func testResponsesAreRecordedInOrder() async throws
    func testDuplicateResponseIsRefused() async throws
    func testResponsesAreRefusedOnceTheAttemptIsOver() async throws
    func testModuleSnapshotIsTheLatestForThatVersion() async throws
    func testDatesRoundTripToTheMillisecond() async throws
    func testSeedsAboveInt64MaxRoundTrip() async throws
    func testSchemaVersionIsCurrentAfterMigrate() async throws
    func testAFreshStoreHasNoIntegrityProblems() async throws
    func testImportLearnerKeepsExistingOnes() async throws
    func testModuleSnapshotRecordsKeepOrderAndImportOnce() async throws
    func testAttemptPagesListEveryAttemptOnceInIDOrder() async throws
    func testImportAttemptIsIdempotentAndClosesOpenOnes() async throws
    func testImportAttemptRefusesASecondInProgress() async throws
    func testForEachAttemptStreamsInOrderWithFilters() async throws
    func testForEachResponseGivesEachResponseWithItsAttempt() async throws
    func testModuleSnapshotsListTheLatestOfEachVersion() async throws
    func testDeactivateKeepsTheLearnerAndTheirHistory() async throws
    func testEraseReplacesTheLearnerEverywhereAndKeepsScores() async throws
    func testGrantsAreKeptAsAuditEvents() async throws
    func testVoidMarksTheAttemptAndRecordsTheEvent() async throws
    func testCertificatesKeepTheFirstCodeAndAreFoundByCode() async throws
}
