import Foundation
import TrainingStore

/// Issues certificates for valid passes and verifies codes against the records.
public struct CertificateService {
    public let store: any CompletionStore
    public let catalog: ModuleDirectory

    public init(store: any CompletionStore, catalog: ModuleDirectory) {
        self.store = store
        self.catalog = catalog
    }

    /// The certificate for the learner's current pass of the module (the same code every time for one pass).
    public func issue(learnerID: String, moduleID: String, now: Date = Date()) async throws -> CertificateRecord {
        guard let module = catalog.module(id: moduleID) else {
            throw ServiceError.notFound("there is no module '\(moduleID)' in the modules folder or the records")
        }
        guard let learner = try await store.learner(id: learnerID) else {
            throw ServiceError.notFound("there is no learner '\(ShownText.id(learnerID))' in the records")
        }
        let standing = try await store.standing(learnerID: learnerID, moduleID: moduleID, policy: module.policy, now: now)
        guard standing.state == .passed, let pass = standing.lastPass else {
            let why: String
            switch standing.state {
            case .expired: why = "the last pass expired on \(standing.expiresAt.map { ReportTime().day($0) } ?? "?")"
            case .outdated: why = "the pass was on an earlier major version (\(standing.lastPass?.moduleVersion ?? "?")) of the module"
            default: why = "there is no pass on record"
            }
            throw ServiceError.notFound("\(ShownText.id(learnerID)) holds no current pass of '\(ShownText.id(moduleID))': \(why)")
        }
        var issued: Certificate?
        for _ in 0..<3 where issued == nil {
            do {
                issued = try await store.issueCertificate(Certificate(code: CertificateCode.random(), attemptID: pass.id, issuedAt: now))
            } catch let error as StoreError {
                // A code collision (2^-100) fails the primary key: try a fresh code.
                if case .constraint = error { continue }
                throw error
            }
        }
        guard let certificate = issued else { throw StoreError.unavailable("could not store a certificate code") }
        return CertificateRecord(
            certificate: certificate, attempt: pass, learner: learner,
            moduleTitle: catalog.title(moduleID: moduleID, version: pass.moduleVersion) ?? module.title,
            expiresAt: standing.expiresAt)
    }

    /// What the records say about a code.
    public enum Verdict: Sendable {
        /// A real, passing, non-void record.
        case valid(CertificateRecord)
        /// Nothing matches, or the record no longer stands; the message says which.
        case invalid(String)
    }

    public func verify(_ text: String) async throws -> Verdict {
        guard let code = CertificateCode.canonical(text) else {
            return .invalid("'\(text)' is not a certificate code (20 letters and digits, such as ABCDE-FGHJK-MNPQR-STVWX)")
        }
        guard let certificate = try await store.certificate(code: code),
            let attempt = try await store.attempt(id: certificate.attemptID)
        else { return .invalid("no certificate with the code \(CertificateCode.display(code)) was issued here") }
        guard attempt.status == .passed else {
            let reason = attempt.status == .void ? "was voided" + (attempt.voidReason.map { ": \($0)" } ?? "") : "is not a pass"
            return .invalid("the certificate \(CertificateCode.display(code)) is not valid: its attempt \(reason)")
        }
        let learner = try await store.learner(id: attempt.learnerID) ?? Learner(id: attempt.learnerID)
        let snapshot = try await store.moduleSnapshot(moduleID: attempt.moduleID, version: attempt.moduleVersion)
        let policy = snapshot.map(ModulePolicy.init) ?? catalog.module(id: attempt.moduleID)?.policy
        return .valid(
            CertificateRecord(
                certificate: certificate, attempt: attempt, learner: learner,
                moduleTitle: snapshot?.title ?? catalog.title(moduleID: attempt.moduleID, version: attempt.moduleVersion) ?? attempt.moduleID,
                expiresAt: policy?.expiry(of: attempt)))
    }
}
