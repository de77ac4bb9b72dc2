import Foundation
import TrainingService
import TrainingStore

/// Finds the finished attempts a push has to send and sends their statements in batches, moving
/// the high-water mark after each batch the LRS accepted.
public struct LRSPush: Sendable {
    /// The statements of one finished attempt, or the voiding statements of one void, sent together in one batch.
    public struct Item: Sendable {
        /// The attempt, or the coordinator's void (its audit event), that the mark remembers as sent.
        public let recordID: UUID
        /// When the attempt finished, or when it was voided.
        public let finished: Date
        public let statements: [XAPIStatement]
        /// Whether these statements void an attempt sent before.
        public let isVoid: Bool
    }

    public let context: ReportContext
    public let builder: XAPIStatementBuilder
    /// Statements per request (an attempt's two statements always travel together).
    public let batchSize: Int

    public init(context: ReportContext, builder: XAPIStatementBuilder, batchSize: Int) {
        self.context = context
        self.builder = builder
        self.batchSize = Swift.max(2, batchSize)
    }

    /// Passed and failed attempts not yet sent (or, with `since`, every one finished since then),
    /// and voids of attempts already sent, oldest first. Abandoned, void and unfinished attempts
    /// are never sent.
    public func pending(mark: LRSPushMark, since: Date?) async throws -> [Item] {
        let directory = try await context.learnerDirectory()
        var attempts: [Attempt] = []
        try await context.store.forEachAttempt(AttemptQuery()) { attempt in
            guard attempt.status == .passed || attempt.status == .failed else { return }
            let finished = attempt.finishedAt ?? attempt.startedAt
            if let since {
                guard finished >= since else { return }
            } else {
                guard mark.isNew(attemptID: attempt.id, finished: finished) else { return }
            }
            attempts.append(attempt)
        }
        var items = attempts.map { attempt in
            let title = context.catalog.title(moduleID: attempt.moduleID, version: attempt.moduleVersion) ?? attempt.moduleID
            return Item(
                recordID: attempt.id, finished: attempt.finishedAt ?? attempt.startedAt,
                statements: builder.statements(for: attempt, learner: directory[attempt.learnerID] ?? Learner(id: attempt.learnerID), moduleTitle: title),
                isVoid: false)
        }
        items += try await voids(mark: mark, since: since)
        return items.sorted {
            $0.finished != $1.finished ? $0.finished < $1.finished : $0.recordID.uuidString < $1.recordID.uuidString
        }
    }

    /// Voids not yet sent (or, with `since`, every void since then) of attempts whose statements
    /// were sent: an attempt voided before any push sent it needs no voiding statement.
    func voids(mark: LRSPushMark, since: Date?) async throws -> [Item] {
        var items: [Item] = []
        for event in try await context.store.auditEvents(learnerID: nil, moduleID: nil) where event.kind == .attemptVoided {
            guard let attemptID = event.attemptID else { continue }
            if let since {
                guard event.at >= since else { continue }
            } else {
                guard mark.isNew(attemptID: event.id, finished: event.at) else { continue }
                guard let attempt = try await context.store.attempt(id: attemptID), let finished = attempt.finishedAt,
                    !mark.isNew(attemptID: attemptID, finished: finished)
                else { continue }
            }
            items.append(Item(recordID: event.id, finished: event.at, statements: builder.voidingStatements(for: event), isVoid: true))
        }
        return items
    }

    /// The items in batches of at most `batchSize` statements.
    public func batches(_ items: [Item]) -> [[Item]] {
        var result: [[Item]] = []
        var current: [Item] = []
        var count = 0
        for item in items {
            if count + item.statements.count > batchSize, !current.isEmpty {
                result.append(current)
                current = []
                count = 0
            }
            current.append(item)
            count += item.statements.count
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Sends every batch in order; after each one the LRS accepted, records it in `mark` and calls
    /// `save`. Stops at the first batch that fails (what was sent stays recorded).
    public func send(
        _ items: [Item], client: LRSClient, mark: inout LRSPushMark, summary: inout LRSPushSummary,
        save: (LRSPushMark) throws -> Void
    ) async throws {
        for batch in batches(items) {
            let outcome = try await client.send(batch.flatMap(\.statements))
            mark.record(batch.map { (id: $0.recordID, finished: $0.finished) })
            try save(mark)
            summary.batches += 1
            summary.attempts += batch.filter { !$0.isVoid }.count
            summary.voids += batch.filter(\.isVoid).count
            summary.statements += outcome.sent
            summary.conflicts += outcome.conflicts
            summary.retries += outcome.retries
        }
    }
}
