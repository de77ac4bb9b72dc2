import Foundation
import TrainingKit
import TrainingStore

/// Coordinators' work on learners and their attempts: roster, admission, deactivation, erasure,
/// grants and voids. Every change that needs a reason is recorded with it, the OS user and the time.
public struct LearnerAdministration: Sendable {
    public let store: any CompletionStore
    /// Who makes the changes, recorded with each audit event.
    public var osUser: String

    public init(store: any CompletionStore, osUser: String = SystemIdentity.userName) {
        self.store = store
        self.osUser = osUser
    }

    /// A reason to keep on record: trimmed, not empty, at most 500 characters.
    public static func reason(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ServiceError.usage("--reason must say why") }
        guard trimmed.count <= 500 else { throw ServiceError.usage("--reason is longer than 500 characters") }
        return trimmed
    }

    /// A new id that says nothing about the person: `erased-` and 12 random hex digits.
    public static func anonymousID() -> String {
        "erased-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    }

    /// Refuses a staff id outside the roster once a roster has been imported.
    public func admit(_ learnerID: String) async throws {
        guard try await store.hasRoster() else { return }
        if try await store.learner(id: learnerID)?.fromRoster != true {
            throw ServiceError.refused(
                "\(ShownText.id(learnerID)) is not on this site's roster.",
                hint: "Check your staff ID, or ask your training coordinator to add you (cares learners import).")
        }
    }

    /// Adds or updates learners from roster CSV text; throws `ServiceError.roster` with every problem.
    public func importRoster(_ text: String, fileName: String) async throws -> RosterImport.Outcome {
        try await RosterImport(store: store, fileName: fileName).run(text)
    }

    /// Adds or updates learners from the roster file at `path`, read as it is imported, all in one
    /// transaction; throws `ServiceError.roster` with every problem (nothing imported), or
    /// `ServiceError.refused` for a path that is not a readable regular file.
    public func importRoster(file path: String, fileName: String) async throws -> RosterImport.Outcome {
        try await RosterImport(store: store, fileName: fileName).run(file: path)
    }

    /// Clears what an erasure can leave outside the tables (SQLite's write-ahead log); false when
    /// another session holds it for now, and the next `cares` command to end clears it.
    public func clearErasedTraces() async throws -> Bool {
        try await store.clearErasedTraces()
    }

    /// Marks the learner inactive: no longer due, every record kept.
    public func deactivate(_ learnerID: String, at now: Date = Date()) async throws {
        try await knownLearner { try await store.deactivateLearner(id: learnerID, at: now) }
    }

    /// Erases the learner's personal data, keeping anonymous scores; returns the anonymous id.
    public func erase(_ learnerID: String, reason text: String) async throws -> String {
        let reason = try Self.reason(text)
        let anonymousID = Self.anonymousID()
        let event = AuditEvent(kind: .learnerErased, learnerID: anonymousID, moduleID: "", reason: reason, osUser: osUser)
        try await knownLearner { try await store.eraseLearner(id: learnerID, anonymousID: anonymousID, event: event) }
        return anonymousID
    }

    /// Gives the learner one more attempt at the module in the current period; returns their standing after it.
    public func grant(learnerID: String, module: KnownModule, reason text: String) async throws -> ModuleStanding {
        let reason = try Self.reason(text)
        guard try await store.learner(id: learnerID) != nil else {
            throw ServiceError.notFound("there is no learner '\(ShownText.id(learnerID))' in the records", hint: "cares learners list shows them")
        }
        guard module.maxAttempts != nil else {
            throw ServiceError.refused("'\(module.id)' has no attempt limit, so there is nothing to grant")
        }
        let now = Date()
        try await store.grantAttempt(
            AuditEvent(kind: .attemptGranted, learnerID: learnerID, moduleID: module.id, reason: reason, osUser: osUser, at: now))
        // The store keeps times to the nearest millisecond, so look from just after the grant.
        return try await store.standing(
            learnerID: learnerID, moduleID: module.id, policy: module.policy, now: now.addingTimeInterval(0.001))
    }

    /// Cancels an attempt with a reason; returns the attempt as it was before.
    public func void(attemptID: UUID, reason text: String) async throws -> Attempt {
        let reason = try Self.reason(text)
        guard let attempt = try await store.attempt(id: attemptID) else {
            throw ServiceError.notFound("there is no attempt \(attemptID.uuidString.lowercased())")
        }
        do {
            try await store.voidAttempt(
                AuditEvent(
                    kind: .attemptVoided, learnerID: attempt.learnerID, moduleID: attempt.moduleID, attemptID: attemptID,
                    reason: reason, osUser: osUser))
        } catch StoreError.attemptAlreadyVoid(let shown) {
            throw ServiceError.refused("attempt \(shown) is already void")
        }
        return attempt
    }

    private func knownLearner(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch StoreError.learnerNotFound(let id) {
            throw ServiceError.notFound("there is no learner '\(ShownText.id(id))' in the records", hint: "cares learners list shows them")
        }
    }
}
