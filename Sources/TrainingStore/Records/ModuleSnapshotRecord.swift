import Foundation

/// A module snapshot as stored: the snapshot and when the store first recorded it.
public struct ModuleSnapshotRecord: Hashable, Sendable {
    public var snapshot: ModuleSnapshot
    public var recordedAt: Date

    public init(snapshot: ModuleSnapshot, recordedAt: Date) {
        self.snapshot = snapshot
        self.recordedAt = recordedAt
    }
}
