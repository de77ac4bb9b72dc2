import Foundation
import TrainingStore

/// The work behind `cares learners deactivate` and `cares learners remove --erase`.
struct LearnerLifecycle {
    let location: String

    /// Marks the learner inactive: no longer due, every record kept.
    func deactivate(_ learnerID: String) async throws -> String {
        try await withStore { store in
            try await store.deactivateLearner(id: learnerID, at: Date())
            return "Deactivated \(DiagnosticPrinter.printable(learnerID)): no longer listed as due; their records are kept."
        }
    }

    /// Erases the learner's personal data, keeping anonymous scores; returns the anonymous id in a message.
    func erase(_ learnerID: String, reason text: String) async throws -> String {
        let reason = try CoordinatorActions.reason(text)
        let anonymousID = Self.anonymousID()
        let event = AuditEvent(
            kind: .learnerErased, learnerID: anonymousID, moduleID: "", reason: reason, osUser: SystemIdentity.userName)
        return try await withStore { store in
            try await store.eraseLearner(id: learnerID, anonymousID: anonymousID, event: event)
            return """
                Erased \(DiagnosticPrinter.printable(learnerID)): name, email and reflection answers removed; \
                their attempts are kept as \(anonymousID) for item statistics. Recorded with your OS user and the reason.
                """
        }
    }

    /// A new id that says nothing about the person: `erased-` and 12 random hex digits.
    static func anonymousID() -> String {
        "erased-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    }

    private func withStore(_ body: (any CompletionStore) async throws -> String) async throws -> String {
        let store = try await StoreOpener.open(location)
        do {
            let message = try await body(store)
            await store.close()
            return message
        } catch StoreError.learnerNotFound(let id) {
            await store.close()
            throw CaresFailure.refused(
                "there is no learner '\(DiagnosticPrinter.printable(id))' in the records", hint: "cares learners list shows them")
        } catch {
            await store.close()
            throw error
        }
    }
}
