import Foundation
import TrainingKit

/// One learner's go at one module version, from start to result.
public struct Attempt: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var learnerID: String
    public var moduleID: String
    public var moduleVersion: String
    public var contentHash: String
    /// Seeds the draw and shuffles, so a resumed attempt shows the same questions in the same order.
    public var seed: UInt64
    /// How many questions this attempt asks (after the draw).
    public var questionCount: Int
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: AttemptStatus
    /// Points earned and available; set when the attempt finishes.
    public var points: Double?
    public var maxPoints: Double?
    /// Percentage of points, 0–100; set when the attempt finishes.
    public var scorePercent: Double?
    public var osUser: String
    public var host: String
    /// Why a coordinator voided the attempt, and who did.
    public var voidReason: String?

    public init(
        id: UUID = UUID(), learnerID: String, moduleID: String, moduleVersion: String, contentHash: String,
        seed: UInt64, questionCount: Int, startedAt: Date = Date(), finishedAt: Date? = nil,
        status: AttemptStatus = .inProgress, points: Double? = nil, maxPoints: Double? = nil,
        scorePercent: Double? = nil, osUser: String = "", host: String = "", voidReason: String? = nil
    ) {
        self.id = id
        self.learnerID = learnerID
        self.moduleID = moduleID
        self.moduleVersion = moduleVersion
        self.contentHash = contentHash
        self.seed = seed
        self.questionCount = questionCount
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.points = points
        self.maxPoints = maxPoints
        self.scorePercent = scorePercent
        self.osUser = osUser
        self.host = host
        self.voidReason = voidReason
    }

    /// The module version parsed, for comparing versions (stored as the text the module gave); nil
    /// when that text is not a semantic version.
    public var semanticVersion: SemanticVersion? { SemanticVersion(moduleVersion) }
}
