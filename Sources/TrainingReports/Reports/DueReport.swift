import Foundation
import TrainingService
import TrainingStore

/// `cares report due`: required modules not passed, expired, due again after a MAJOR version, or expiring
/// within `within` days; overdue when the due date has passed.
public struct DueReport {
    public let context: ReportContext
    public let withinDays: Int

    public init(context: ReportContext, withinDays: Int = 30) {
        self.context = context
        self.withinDays = withinDays
    }

    public static let section = ReportSection(
        title: "Due",
        columns: [
            ReportColumn("learner_id", "Learner", priority: 1),
            ReportColumn("learner_name", "Name", priority: 2, yields: true),
            ReportColumn("department", "Department", priority: 3),
            ReportColumn("role", "Role", priority: 3),
            ReportColumn("module_id", "Module", priority: 1),
            ReportColumn("module_title", "Title", priority: 4, yields: true),
            ReportColumn("reason", "Reason", .label, priority: 1),
            ReportColumn("due_at", "Due", .day, priority: 1),
            ReportColumn("overdue", "Overdue", .bool, priority: 2),
            ReportColumn("last_passed_at", "Last passed", .day, priority: 3),
            ReportColumn("best_score", "Best", .percent, priority: 3),
        ])

    /// Why a row is due and since when, or nil when it is not.
    func due(_ standing: ModuleStanding) -> (reason: String, dueAt: Date?)? {
        let horizon = context.now.addingTimeInterval(Double(withinDays) * 86_400)
        switch standing.state {
        case .passed:
            guard let expires = standing.expiresAt, expires <= horizon else { return nil }
            return ("expiring", expires)
        case .expired: return ("expired", standing.expiresAt)
        case .outdated: return ("new_version", nil)
        case .notStarted: return ("not_started", nil)
        case .failed: return ("failed", standing.expiresAt)
        case .inProgress: return ("in_progress", standing.expiresAt)
        }
    }

    public func write(to writer: ReportWriter) async throws {
        guard context.filter.since == nil, context.filter.until == nil else {
            throw ReportError.usage("`report due` takes --within DAYS, not --since or --until")
        }
        guard withinDays >= 0 else { throw ReportError.usage("--within needs a number of days of 0 or more") }
        try context.requireKnownModule()
        try await context.requireKnownLearner()
        try writer.begin(context.header(kind: "due", title: "Training due (within \(withinDays) days)"))
        try writer.beginSection(Self.section)
        var dueCount = 0, overdueCount = 0
        // Rows come learner by learner, so counting changes of id counts learners without a set.
        var learnerCount = 0
        var lastLearner: String?
        let stats = try await CompletionRows.forEach(context, activeOnly: true) { row in
            guard let (reason, dueAt) = due(row.standing) else { return }
            let overdue = dueAt.map { $0 <= context.now } ?? false
            dueCount += 1
            if overdue { overdueCount += 1 }
            if row.learner.id != lastLearner {
                learnerCount += 1
                lastLearner = row.learner.id
            }
            let pass = row.standing.lastPass
            try writer.row([
                .text(row.learner.id), .text(row.learner.name), .text(row.learner.department), .text(row.learner.role),
                .text(row.module.id), .text(row.module.title), .text(reason), .date(dueAt), .bool(overdue),
                .date(pass.map { $0.finishedAt ?? $0.startedAt }), .number(row.standing.bestScore),
            ])
        }
        try writer.endSection()
        let scope = context.filter.department.map { " in \($0)" } ?? ""
        try writer.finish(
            ReportSummary(
                figures: [
                    .init("learners_with_due", "Learners with training due", .integer(learnerCount)),
                    .init("due", "Modules due", .integer(dueCount)),
                    .init("overdue", "Overdue", .integer(overdueCount)),
                    .init("within_days", "Horizon (days)", .integer(withinDays)),
                ],
                charts: [stats.passRateChart(catalog: context.catalog), stats.complianceChart()],
                line: "\(learnerCount) learner\(learnerCount == 1 ? "" : "s"), \(dueCount) module\(dueCount == 1 ? "" : "s") due\(scope)"
                    + " (\(overdueCount) overdue)."))
    }
}
