import Foundation

/// Where training records live: learners, attempts, responses and module snapshots.
///
/// Every write is committed before the call returns, so an answer survives a killed terminal.
/// The API is async because the PostgreSQL backend is.
public protocol CompletionStore: Sendable {
    /// Creates or upgrades the schema. Safe to call at every start and from several processes at once.
    func migrate() async throws

    // MARK: Learners

    func learner(id: String) async throws -> Learner?
    /// Inserts the learner or updates every field but `createdAt`.
    func saveLearner(_ learner: Learner) async throws
    /// All learners, ordered by id.
    func learners() async throws -> [Learner]
    /// Whether any learner was imported from a roster (then unknown ids are refused).
    func hasRoster() async throws -> Bool
    /// Marks the learner inactive (left the organisation): no longer due, history kept. Throws
    /// `StoreError.learnerNotFound`.
    func deactivateLearner(id: String, at: Date) async throws
    /// Erases a learner's personal data in one transaction: their row is replaced by one under
    /// `anonymousID` with no name or email, inactive; their attempts and audit events move to
    /// `anonymousID` (attempts lose the OS user); answers without a right or wrong (reflections) are
    /// emptied; `event` (kind `.learnerErased`, learner `anonymousID`) is recorded. Scores and
    /// right/wrong per question are kept, so item statistics do not change. Throws
    /// `StoreError.learnerNotFound`.
    func eraseLearner(id: String, anonymousID: String, event: AuditEvent) async throws

    // MARK: Attempts

    /// Records a new attempt and the module snapshot (inserted or left as is); throws
    /// `StoreError.attemptInProgress` when the learner already has one in progress for the module.
    func startAttempt(_ attempt: Attempt, module: ModuleSnapshot) async throws
    func attempt(id: UUID) async throws -> Attempt?
    /// The learner's attempts, oldest first; all modules when `moduleID` is nil.
    func attempts(learnerID: String, moduleID: String?) async throws -> [Attempt]
    /// The learner's attempts in progress, oldest first.
    func inProgressAttempts(learnerID: String) async throws -> [Attempt]
    /// Records an answer in one transaction; throws `StoreError.duplicateResponse` if the question
    /// was already answered and `StoreError.attemptNotInProgress` if the attempt is over.
    func recordResponse(_ response: Response) async throws
    /// The attempt's responses in the order given.
    func responses(attemptID: UUID) async throws -> [Response]
    /// Closes an attempt in progress with its result.
    func finishAttempt(id: UUID, status: AttemptStatus, points: Double, maxPoints: Double, scorePercent: Double, at: Date)
        async throws
    /// Marks an attempt in progress as abandoned (kept, never counted).
    func abandonAttempt(id: UUID, at: Date) async throws

    // MARK: Modules

    func moduleSnapshot(moduleID: String, version: String) async throws -> ModuleSnapshot?

    // MARK: Schema and lifetime

    /// The number of schema migrations applied, including any this build does not know (0: none yet).
    func schemaVersion() async throws -> Int
    /// What is wrong with the store itself (a damaged file, missing tables, a schema other than
    /// this build's), one line each; empty when it is sound. `cares db check` prints them.
    func integrityProblems() async throws -> [String]
    /// Releases the store's connections; the store must not be used afterwards. Safe to call twice.
    func close() async

    // MARK: Copying between stores (`cares db copy`)

    /// Every module snapshot with when it was first recorded, in the order recorded.
    func moduleSnapshotRecords() async throws -> [ModuleSnapshotRecord]
    /// Up to `limit` attempts of any learner, ordered by id, after the attempt `after` (from the start when nil).
    func attemptPage(after: UUID?, limit: Int) async throws -> [Attempt]
    /// Inserts the learner as given unless one with its id exists; returns whether it was inserted.
    func importLearner(_ learner: Learner) async throws -> Bool
    /// Inserts the snapshot unless its id, version and hash exist; returns whether it was inserted.
    func importModuleSnapshot(_ record: ModuleSnapshotRecord) async throws -> Bool
    /// Inserts a whole attempt and its responses in one transaction, leaving alone whatever is already there.
    ///
    /// An attempt this store still has in progress that `attempt` shows closed is closed with the
    /// same result. Its learner and module snapshot must be present. Throws
    /// `StoreError.attemptInProgress` when the learner has another attempt in progress at the module.
    func importAttempt(_ attempt: Attempt, responses: [Response]) async throws -> AttemptImport
    // MARK: Reports and coordinators (added with TrainingReports)

    /// Calls `body` with each attempt matching `query`, ordered by learner id, module id, start time
    /// and id, reading rows one at a time so memory stays flat; an error thrown by `body` stops the read.
    func forEachAttempt(_ query: AttemptQuery, _ body: (Attempt) throws -> Void) async throws
    /// Calls `body` with each response of the attempts matching `query` and its attempt, ordered as in
    /// `forEachAttempt`, then by the response's position; streamed like `forEachAttempt`.
    func forEachResponse(_ query: AttemptQuery, _ body: (Attempt, Response) throws -> Void) async throws
    /// The latest snapshot of every module version recorded, ordered by module id, then version text.
    func moduleSnapshots() async throws -> [ModuleSnapshot]
    /// Records a grant of one more attempt (`event.kind` is `.attemptGranted`).
    func grantAttempt(_ event: AuditEvent) async throws
    /// Marks `event.attemptID` void with `event.reason` and records the event, in one transaction; throws
    /// `StoreError.attemptNotFound`, or `StoreError.attemptAlreadyVoid` when it is void already.
    func voidAttempt(_ event: AuditEvent) async throws
    /// Audit events, oldest first; all learners or modules when nil.
    func auditEvents(learnerID: String?, moduleID: String?) async throws -> [AuditEvent]
    /// Stores `certificate` unless its attempt already has one; returns the attempt's certificate either way.
    func issueCertificate(_ certificate: Certificate) async throws -> Certificate
    /// The certificate with this canonical code.
    func certificate(code: String) async throws -> Certificate?

    // MARK: Imports and erasure (#18: all-or-nothing imports, no erased data left behind)

    /// Runs `body` with a store whose every write belongs to one transaction: committed when `body`
    /// returns, rolled back when it throws (or the process dies). `body` may run again from the start
    /// when the database reports a conflict, so it must not depend on state from an earlier run. The
    /// store given to `body` must not be used after it returns.
    func withTransaction<T: Sendable>(_ body: (any CompletionStore) async throws -> T) async throws -> T
    /// The learners with these ids that exist, in no particular order.
    func learners(ids: [String]) async throws -> [Learner]
    /// Inserts or updates (every field but `createdAt`) all of `learners`, whose ids must differ, in
    /// as few statements as the backend allows.
    func saveLearners(_ learners: [Learner]) async throws
    /// Starts a staged roster import, inside `withTransaction`: an empty staging table on the
    /// transaction's connection (dropped or emptied by the next import or when the store closes).
    ///
    /// A roster is staged row by row (`stageLearners`), checked for repeated ids
    /// (`stagedLearnerRepeats`) and merged in one statement (`mergeStagedLearners`), so memory stays
    /// flat however long the file, and the merge writes in id order whatever the file's order.
    func beginLearnerStaging() async throws
    /// Adds rows to the staging table; ids may repeat here (`stagedLearnerRepeats` finds them).
    func stageLearners(_ rows: [StagedLearner]) async throws
    /// The staged rows whose id an earlier row has, in line order: at most `limit` of them, and
    /// how many there are in all (0 when every id is different).
    func stagedLearnerRepeats(limit: Int) async throws -> (listed: [StagedLearner.Repeat], total: Int)
    /// Adds or updates a learner for every staged row (whose ids must differ): the `given` fields
    /// are set from the row, the others keep what is on record (nil for a new learner); each is
    /// made active and from the roster. A learner whose record would not change is not written.
    /// `inIDOrder` says the rows were staged in strictly ascending byte order of id (so none
    /// repeats, and the merge needs no sorting); the merge is right either way, only slower.
    func mergeStagedLearners(given: Set<LearnerField>, now: Date, inIDOrder: Bool) async throws -> LearnerMerge
    /// Clears what erased personal data can leave outside the tables: SQLite checkpoints the
    /// write-ahead log into the database file and truncates it. Returns false when another session's
    /// open read keeps the log for now; the next `cares` command to close the store clears it then.
    /// PostgreSQL returns true: dead rows are left to VACUUM (docs/operations.md).
    func clearErasedTraces() async throws -> Bool

    // MARK: Streaming reports (#16)

    /// Calls `body` for each learner (one by id with `learnerID`; active ones only with `activeOnly`),
    /// in id order, with each of their attempts (at `moduleID` only when given) ordered by module id,
    /// start time and id, and once with nil for a learner without any; one ordered read, so memory
    /// stays flat however many learners and attempts there are.
    ///
    /// The values carry only what completion reports read: learners without their created and
    /// updated times, attempts without content hash, seed, question count, OS user, host or void reason.
    func forEachLearnerAttempt(
        learnerID: String?, moduleID: String?, activeOnly: Bool, _ body: (Learner, Attempt?) throws -> Void
    ) async throws
    /// Calls `body` with each attempt matching `query`, ordered as in `forEachAttempt`, and its learner
    /// (nil when the learner row is missing); one ordered read, without loading the learners.
    func forEachAttemptWithLearner(_ query: AttemptQuery, _ body: (Attempt, Learner?) throws -> Void) async throws
}
