import Foundation
import TrainingStore

/// A certificate with the records it stands for.
public struct CertificateRecord: Sendable {
    public var certificate: Certificate
    public var attempt: Attempt
    public var learner: Learner
    public var moduleTitle: String
    /// When the pass expires; nil when it never does.
    public var expiresAt: Date?

    public func isExpired(at now: Date) -> Bool { expiresAt.map { $0 <= now } ?? false }
}
