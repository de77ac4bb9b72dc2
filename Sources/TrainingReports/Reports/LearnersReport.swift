import TrainingStore

/// `cares learners list`: the learners on record, filtered by learner, department and role.
public struct LearnersReport {
    public let context: ReportContext

    public init(context: ReportContext) {
        self.context = context
    }

    public static let section = ReportSection(
        title: "Learners",
        columns: [
            ReportColumn("learner_id", "ID", priority: 1),
            ReportColumn("name", "Name", priority: 1, yields: true),
            ReportColumn("email", "Email", priority: 3),
            ReportColumn("department", "Department", priority: 2),
            ReportColumn("role", "Role", priority: 2),
            ReportColumn("active", "Active", .bool, priority: 1),
            ReportColumn("from_roster", "Roster", .bool, priority: 3),
            ReportColumn("updated_at", "Updated", .day, priority: 3),
        ])

    public func write(to writer: ReportWriter) async throws {
        try writer.begin(context.header(kind: "learners", title: "Learners"))
        try writer.beginSection(Self.section)
        let learners = try await context.learners(activeOnly: false)
        for learner in learners {
            try writer.row([
                .text(learner.id), .text(learner.name), .text(learner.email), .text(learner.department),
                .text(learner.role), .bool(learner.isActive), .bool(learner.fromRoster), .date(learner.updatedAt),
            ])
        }
        try writer.endSection()
        let roster = learners.filter(\.fromRoster).count
        try writer.finish(
            ReportSummary(
                figures: [
                    .init("learners", "Learners", .integer(learners.count)),
                    .init("from_roster", "From the roster", .integer(roster)),
                ],
                line: "\(learners.count) learner\(learners.count == 1 ? "" : "s"), \(roster) from the roster."))
    }
}
