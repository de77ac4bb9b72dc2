import Foundation
import TrainingService
import TrainingStore

/// `cares report attempts`: every attempt matching the filters (`--since`/`--until` by start time).
public struct AttemptsReport {
    public let context: ReportContext

    public init(context: ReportContext) {
        self.context = context
    }

    public static let section = ReportSection(
        title: "Attempts",
        columns: [
            ReportColumn("attempt_id", "Attempt", priority: 3),
            ReportColumn("learner_id", "Learner", priority: 1),
            ReportColumn("learner_name", "Name", priority: 3, yields: true),
            ReportColumn("department", "Department", priority: 4),
            ReportColumn("role", "Role", priority: 4),
            ReportColumn("module_id", "Module", priority: 1),
            ReportColumn("module_title", "Title", priority: 4, yields: true),
            ReportColumn("module_version", "Version", priority: 3),
            ReportColumn("status", "Status", .label, priority: 1),
            ReportColumn("started_at", "Started", .moment, priority: 2),
            ReportColumn("finished_at", "Finished", .moment, priority: 3),
            ReportColumn("duration_seconds", "Seconds", .integer, priority: 4),
            ReportColumn("points", "Points", .points, priority: 4),
            ReportColumn("max_points", "Max", .points, priority: 4),
            ReportColumn("score_percent", "Score", .percent, priority: 1),
            ReportColumn("os_user", "OS user", priority: 5),
            ReportColumn("host", "Host", priority: 5),
            ReportColumn("void_reason", "Void reason", priority: 3, yields: true),
        ])

    static func values(_ attempt: Attempt, learner: Learner?, title: String?) -> [ReportValue] {
        let duration = attempt.finishedAt.map { Int($0.timeIntervalSince(attempt.startedAt).rounded()) }
        return [
            .text(attempt.id.uuidString.lowercased()), .text(attempt.learnerID), .text(learner?.name),
            .text(learner?.department), .text(learner?.role), .text(attempt.moduleID), .text(title),
            .text(attempt.moduleVersion), .text(attempt.status.rawValue), .date(attempt.startedAt),
            .date(attempt.finishedAt), .integer(duration), .number(attempt.points), .number(attempt.maxPoints),
            .number(attempt.scorePercent), .text(attempt.osUser), .text(attempt.host), .text(attempt.voidReason),
        ]
    }

    /// Calls `body` with each attempt the filters admit and its learner.
    func forEach(_ body: (Attempt, Learner?) throws -> Void) async throws {
        try context.requireKnownModule()
        try await context.requireKnownLearner()
        let filter = context.filter
        let needsLearner = filter.department != nil || filter.role != nil
        // Each attempt comes with its learner from one ordered read: no directory of learners is loaded.
        try await context.store.forEachAttemptWithLearner(filter.attemptQuery) { attempt, learner in
            if needsLearner {
                guard let learner, filter.admits(learner) else { return }
            }
            try body(attempt, learner)
        }
    }

    public func write(to writer: ReportWriter) async throws {
        try context.requireKnownModule()
        try writer.begin(context.header(kind: "attempts", title: "Training attempts"))
        try writer.beginSection(Self.section)
        var counts: [AttemptStatus: Int] = [:]
        var stats = CompletionStats()
        try await forEach { attempt, learner in
            counts[attempt.status, default: 0] += 1
            var byModule = stats.attemptsByModule[attempt.moduleID] ?? (0, 0)
            if attempt.status == .passed { byModule.passed += 1 }
            if attempt.status == .failed { byModule.failed += 1 }
            stats.attemptsByModule[attempt.moduleID] = byModule
            try writer.row(
                Self.values(attempt, learner: learner, title: context.catalog.title(moduleID: attempt.moduleID, version: attempt.moduleVersion)))
        }
        try writer.endSection()
        let total = counts.values.reduce(0, +)
        var figures: [ReportSummary.Figure] = [.init("attempts", "Attempts", .integer(total))]
        for status in AttemptStatus.allCases {
            figures.append(.init(status.rawValue, status.rawValue.replacingOccurrences(of: "_", with: " ").capitalized, .integer(counts[status] ?? 0)))
        }
        let finished = (counts[.passed] ?? 0) + (counts[.failed] ?? 0)
        try writer.finish(
            ReportSummary(
                figures: figures, charts: [stats.passRateChart(catalog: context.catalog)],
                line: "\(total) attempt\(total == 1 ? "" : "s"); \(counts[.passed] ?? 0) of \(finished) finished attempts passed."))
    }

    /// xAPI statements for every finished (passed or failed) attempt the filters admit.
    public func writeXAPI(to writer: XAPIWriter) async throws {
        try writer.begin()
        try await forEach { attempt, learner in
            guard attempt.status == .passed || attempt.status == .failed else { return }
            try writer.statements(
                for: attempt, learner: learner ?? Learner(id: attempt.learnerID),
                moduleTitle: context.catalog.title(moduleID: attempt.moduleID, version: attempt.moduleVersion) ?? attempt.moduleID)
        }
        try writer.finish()
    }
}
