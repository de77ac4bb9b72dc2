import Foundation
import TrainingService
import TrainingStore

/// `cares report completions`: one row per learner × required module, with status, best score, pass and expiry.
///
/// `--since`/`--until` keep only rows whose counted pass finished in that range ("who completed in March").
public struct CompletionsReport {
    public let context: ReportContext

    public init(context: ReportContext) {
        self.context = context
    }

    public static let section = ReportSection(
        title: "Completions",
        columns: [
            ReportColumn("learner_id", "Learner", priority: 1),
            ReportColumn("learner_name", "Name", priority: 2, yields: true),
            ReportColumn("department", "Department", priority: 4),
            ReportColumn("role", "Role", priority: 4),
            ReportColumn("module_id", "Module", priority: 1),
            ReportColumn("module_title", "Title", priority: 4, yields: true),
            ReportColumn("status", "Status", .label, priority: 1),
            ReportColumn("best_score", "Best", .percent, priority: 1),
            ReportColumn("passed_at", "Passed", .day, priority: 3),
            ReportColumn("module_version", "Version", priority: 5),
            ReportColumn("current_version", "Current", priority: 5),
            ReportColumn("expires_at", "Expires", .day, priority: 2),
            ReportColumn("attempts_used", "Used", .integer, priority: 5),
            ReportColumn("attempts_allowed", "Allowed", .integer, priority: 5),
        ])

    static func values(_ row: CompletionRow) -> [ReportValue] {
        let pass = row.standing.lastPass
        return [
            .text(row.learner.id), .text(row.learner.name), .text(row.learner.department), .text(row.learner.role),
            .text(row.module.id), .text(row.module.title), .text(row.standing.state.rawValue),
            .number(row.standing.bestScore), .date(pass.map { $0.finishedAt ?? $0.startedAt }),
            .text(pass?.moduleVersion), .text(row.module.version), .date(row.standing.expiresAt),
            .integer(row.standing.attemptsUsed), .integer(row.standing.attemptsAllowed),
        ]
    }

    func admits(_ row: CompletionRow) -> Bool {
        let filter = context.filter
        guard filter.since != nil || filter.until != nil else { return true }
        return filter.admits(row.standing.lastPass.map { $0.finishedAt ?? $0.startedAt })
    }

    public func write(to writer: ReportWriter) async throws {
        try context.requireKnownModule()
        try await context.requireKnownLearner()
        try writer.begin(context.header(kind: "completions", title: "Training completions"))
        try writer.beginSection(Self.section)
        let stats = try await CompletionRows.forEach(context, activeOnly: true) { row in
            guard admits(row) else { return }
            try writer.row(Self.values(row))
        }
        try writer.endSection()
        let rate = stats.rows == 0 ? nil : Double(stats.compliant) / Double(stats.rows) * 100
        try writer.finish(
            ReportSummary(
                figures: [
                    .init("learners", "Learners", .integer(stats.learnerCount)),
                    .init("required", "Required completions", .integer(stats.rows)),
                    .init("compliant", "Held with a valid pass", .integer(stats.compliant)),
                    .init("compliance_percent", "Compliance", .number(rate), .percent),
                ],
                charts: [stats.passRateChart(catalog: context.catalog), stats.complianceChart()],
                line: "\(stats.learnerCount) learner\(stats.learnerCount == 1 ? "" : "s"), "
                    + "\(stats.compliant) of \(stats.rows) required completions held"
                    + (rate.map { " (\(Int($0.rounded()))%)." } ?? ".")))
    }

    /// xAPI statements for each row's counted pass (completed and passed), deterministic per attempt.
    public func writeXAPI(to writer: XAPIWriter) async throws {
        try context.requireKnownModule()
        try await context.requireKnownLearner()
        try writer.begin()
        _ = try await CompletionRows.forEach(context, activeOnly: true) { row in
            guard admits(row), let pass = row.standing.lastPass else { return }
            try writer.statements(for: pass, learner: row.learner, moduleTitle: row.module.title)
        }
        try writer.finish()
    }
}
