import ArgumentParser
import TrainingReports

/// `cares report items --module M`: item analysis.
struct ReportItemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract: "Quiz statistics for one module: whole-test figures, facility, discrimination, distractors.",
        discussion: """
            Needs --module. Counts finished (passed or failed) attempts at one module version, by default \
            each learner's first; docs/reports.md states every formula.
            """)

    @OptionGroup var options: SessionOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var items: ItemsOptions

    func run() async throws {
        try await ReportRunner(options: options, reportOptions: report).run(
            "items", write: { try await ItemsReport(context: $0, rule: items.attempts, version: items.version).write(to: $1) })
    }
}
