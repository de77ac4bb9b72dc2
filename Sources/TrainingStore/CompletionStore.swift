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
}
