import Foundation
import TrainingKit
import TrainingStore

/// The rules a module sets for its attempts: version, pass mark, validity and attempt limit.
///
/// One value decides, for `list`, `take`, reports, certificates and the due report alike, when a
/// pass expires, which attempts count and whether a result is a pass.
public struct ModulePolicy: Hashable, Sendable {
    /// The current version; a pass on an earlier MAJOR version does not count.
    public var version: SemanticVersion
    /// Percent of quiz points needed to pass.
    public var passMark: Int
    /// Days a pass stays valid; nil: it never expires.
    public var validForDays: Int?
    /// Passed and failed attempts allowed per validity period (plus grants); nil: unlimited.
    public var maxAttempts: Int?
    /// Hours to wait after a failed attempt before the next may start; nil: no wait. Not kept in
    /// snapshots: it matters only when starting an attempt, which needs the module itself.
    public var retakeAfterHours: Int?

    public init(
        version: SemanticVersion, passMark: Int, validForDays: Int? = nil, maxAttempts: Int? = nil, retakeAfterHours: Int? = nil
    ) {
        self.version = version
        self.passMark = passMark
        self.validForDays = validForDays
        self.maxAttempts = maxAttempts
        self.retakeAfterHours = retakeAfterHours
    }

    /// The policy of a loaded module.
    public init(_ module: Module) {
        self.init(
            version: module.version, passMark: module.passMark, validForDays: module.validForDays,
            maxAttempts: module.maxAttempts, retakeAfterHours: module.retakeAfterHours)
    }

    /// The policy recorded in a module snapshot.
    public init(_ snapshot: ModuleSnapshot) {
        self.init(
            version: snapshot.semanticVersion ?? Self.version(snapshot.version), passMark: snapshot.passMark, validForDays: snapshot.validForDays,
            maxAttempts: snapshot.maxAttempts)
    }

    /// A stored version text as a semantic version (0.0.0 when it is not one, which validation never lets through).
    public static func version(_ text: String) -> SemanticVersion {
        SemanticVersion(text) ?? SemanticVersion(major: 0, minor: 0, patch: 0)
    }

    /// Whether an attempt was made on the current MAJOR version.
    public func isCurrentMajor(_ attempt: Attempt) -> Bool {
        (attempt.semanticVersion?.major ?? 0) == version.major
    }

    /// When a pass finished at `finished` expires; nil when passes never expire.
    public func expiry(ofPassAt finished: Date) -> Date? {
        validForDays.map { finished.addingTimeInterval(Double($0) * 86_400) }
    }

    /// When the attempt's pass expires (measured from when it finished).
    public func expiry(of attempt: Attempt) -> Date? {
        expiry(ofPassAt: attempt.finishedAt ?? attempt.startedAt)
    }

    /// When the learner may start again after the failed attempt (nil: at once).
    public func retakeTime(after failed: Attempt) -> Date? {
        retakeAfterHours.map { (failed.finishedAt ?? failed.startedAt).addingTimeInterval(Double($0) * 3_600) }
    }

    /// The snapshot recorded when an attempt starts, so reports need no YAML later.
    public static func snapshot(of module: Module) -> ModuleSnapshot {
        ModuleSnapshot(
            moduleID: module.id, version: module.version.description, title: module.title, contentHash: module.contentHash,
            passMark: module.passMark, validForDays: module.validForDays, maxAttempts: module.maxAttempts)
    }
}
