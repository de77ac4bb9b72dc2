import Foundation
import TrainingStore

/// Copies every record from one store into another, leaving alone what the target already has.
///
/// Learners, then module snapshots, then attempts page by page with their responses, all in one
/// transaction on the target: an error, a kill or a cancelled task leaves the target as it was. Running it again copies nothing twice: records are matched by their keys (learner
/// id; module id, version and hash; attempt id; attempt and question). An attempt the target still
/// has in progress that the source has since closed is closed with the source's result, and answers
/// given since the last copy come across.
public struct RecordCopier: Sendable {
    /// What was copied, and what was already there.
    public struct Report: Hashable, Sendable {
        public var learnersCopied = 0
        public var learnersSkipped = 0
        public var modulesCopied = 0
        public var modulesSkipped = 0
        public var attemptsCopied = 0
        /// Attempts the target had in progress and the source had closed since.
        public var attemptsClosed = 0
        public var attemptsSkipped = 0
        public var responsesCopied = 0
        public var responsesSkipped = 0
        /// Attempts in progress in the source that were not copied because the target has another
        /// attempt in progress by the same learner at the same module.
        public var conflicts: [Attempt] = []

        public init() {}
    }

    public let source: any CompletionStore
    public let target: any CompletionStore
    /// How many attempts are read from the source at a time.
    public var pageSize = 500

    public init(from source: any CompletionStore, to target: any CompletionStore) {
        self.source = source
        self.target = target
    }

    public func copy() async throws -> Report {
        try await target.withTransaction { target in try await copy(into: target) }
    }

    private func copy(into target: any CompletionStore) async throws -> Report {
        var report = Report()
        for learner in try await source.learners() {
            try Task.checkCancellation()
            if try await target.importLearner(learner) {
                report.learnersCopied += 1
            } else {
                report.learnersSkipped += 1
            }
        }
        for record in try await source.moduleSnapshotRecords() {
            if try await target.importModuleSnapshot(record) {
                report.modulesCopied += 1
            } else {
                report.modulesSkipped += 1
            }
        }
        var cursor: UUID?
        while true {
            let page = try await source.attemptPage(after: cursor, limit: pageSize)
            guard let last = page.last else { break }
            try Task.checkCancellation()
            cursor = last.id
            for attempt in page {
                let responses = try await source.responses(attemptID: attempt.id)
                let result: AttemptImport
                do {
                    result = try await target.importAttempt(attempt, responses: responses)
                } catch StoreError.attemptInProgress {
                    report.conflicts.append(attempt)
                    continue
                }
                switch result.outcome {
                case .inserted: report.attemptsCopied += 1
                case .closed: report.attemptsClosed += 1
                case .skipped: report.attemptsSkipped += 1
                }
                report.responsesCopied += result.responsesInserted
                report.responsesSkipped += result.responsesSkipped
            }
        }
        try Task.checkCancellation()
        return report
    }
}
