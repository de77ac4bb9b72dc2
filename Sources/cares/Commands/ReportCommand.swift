import ArgumentParser

/// `cares report …`: reports for coordinators.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for coordinators: completions, attempts, due, items, transcript.",
        discussion: """
            Every report takes --format table|csv|json|html (xapi for attempts and completions), \
            --output FILE and the filters --module, --learner, --department, --role, --since, --until. \
            See docs/reports.md.
            """,
        subcommands: [
            ReportCompletionsCommand.self, ReportAttemptsCommand.self, ReportDueCommand.self, ReportItemsCommand.self,
            ReportTranscriptCommand.self,
        ])
}
