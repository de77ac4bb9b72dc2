import Foundation
import TrainingService
import TrainingStore

/// `cares report transcript --learner L`: one learner's attempts, standing on each required module,
/// and the coordinators' grants and voids. CSV carries the attempts.
public struct TranscriptReport {
    public let context: ReportContext

    public init(context: ReportContext) {
        self.context = context
    }

    public static let attempts = ReportSection(
        key: "attempts", title: "Attempts",
        columns: [
            ReportColumn("attempt_id", "Attempt", priority: 3),
            ReportColumn("module_id", "Module", priority: 1),
            ReportColumn("module_title", "Title", priority: 3, yields: true),
            ReportColumn("module_version", "Version", priority: 2),
            ReportColumn("status", "Status", .label, priority: 1),
            ReportColumn("started_at", "Started", .moment, priority: 2),
            ReportColumn("finished_at", "Finished", .moment, priority: 3),
            ReportColumn("points", "Points", .points, priority: 4),
            ReportColumn("max_points", "Max", .points, priority: 4),
            ReportColumn("score_percent", "Score", .percent, priority: 1),
            ReportColumn("void_reason", "Void reason", priority: 2, yields: true),
        ])

    public static let standing = ReportSection(
        key: "modules", title: "Required modules",
        columns: [
            ReportColumn("module_id", "Module", priority: 1),
            ReportColumn("module_title", "Title", priority: 3, yields: true),
            ReportColumn("status", "Status", .label, priority: 1),
            ReportColumn("best_score", "Best", .percent, priority: 1),
            ReportColumn("passed_at", "Passed", .day, priority: 2),
            ReportColumn("module_version", "Version", priority: 3),
            ReportColumn("expires_at", "Expires", .day, priority: 2),
            ReportColumn("attempts_used", "Used", .integer, priority: 3),
            ReportColumn("attempts_allowed", "Allowed", .integer, priority: 3),
        ])

    public static let events = ReportSection(
        key: "events", title: "Coordinator actions",
        columns: [
            ReportColumn("at", "When", .moment, priority: 1),
            ReportColumn("kind", "Action", .label, priority: 1),
            ReportColumn("module_id", "Module", priority: 1),
            ReportColumn("attempt_id", "Attempt", priority: 3),
            ReportColumn("reason", "Reason", priority: 2, yields: true),
            ReportColumn("os_user", "By", priority: 2),
        ])

    public func write(to writer: ReportWriter) async throws {
        guard let learnerID = context.filter.learnerID else {
            throw ReportError.usage("`report transcript` needs --learner ID")
        }
        try context.requireKnownModule()
        guard let learner = try await context.store.learner(id: learnerID) else {
            throw ReportError.notFound("there is no learner '\(ShownText.id(learnerID))' in the records (cares learners list shows them)")
        }
        let title = "Training transcript: " + (learner.name.map { "\($0) (\(learner.id))" } ?? learner.id)
        try writer.begin(context.header(kind: "transcript", title: title))
        try writer.beginSection(Self.attempts)
        var passed = 0, total = 0
        try await context.store.forEachAttempt(context.filter.attemptQuery) { attempt in
            total += 1
            if attempt.status == .passed { passed += 1 }
            try writer.row([
                .text(attempt.id.uuidString.lowercased()), .text(attempt.moduleID),
                .text(context.catalog.title(moduleID: attempt.moduleID, version: attempt.moduleVersion)),
                .text(attempt.moduleVersion), .text(attempt.status.rawValue), .date(attempt.startedAt),
                .date(attempt.finishedAt), .number(attempt.points), .number(attempt.maxPoints),
                .number(attempt.scorePercent), .text(attempt.voidReason),
            ])
        }
        try writer.endSection()

        try writer.beginSection(Self.standing)
        var unfiltered = context
        unfiltered.filter.since = nil
        unfiltered.filter.until = nil
        var held = 0, required = 0
        _ = try await CompletionRows.forEach(unfiltered, activeOnly: false) { row in
            required += 1
            if row.standing.isCompliant { held += 1 }
            let values = CompletionsReport.values(row)
            // Module id, title, status, best, passed, version, expires, used, allowed.
            try writer.row([values[4], values[5], values[6], values[7], values[8], values[9], values[11], values[12], values[13]])
        }
        try writer.endSection()

        try writer.beginSection(Self.events)
        for event in try await context.store.auditEvents(learnerID: learnerID, moduleID: context.filter.moduleID)
        where context.filter.admits(event.at) {
            try writer.row([
                .date(event.at), .text(event.kind.rawValue), .text(event.moduleID),
                .text(event.attemptID.map { $0.uuidString.lowercased() }), .text(event.reason), .text(event.osUser),
            ])
        }
        try writer.endSection()
        try writer.finish(
            ReportSummary(
                figures: [
                    .init("learner_id", "Staff ID", .text(learner.id), .text),
                    .init("learner_name", "Name", .text(learner.name), .text),
                    .init("department", "Department", .text(learner.department), .text),
                    .init("role", "Role", .text(learner.role), .text),
                    .init("attempts", "Attempts", .integer(total)),
                    .init("passed", "Passed", .integer(passed)),
                    .init("required_held", "Required modules held", .integer(held)),
                    .init("required", "Required modules", .integer(required)),
                ],
                line: "\(learner.id): \(total) attempt\(total == 1 ? "" : "s"), \(held) of \(required) required modules held."))
    }
}
