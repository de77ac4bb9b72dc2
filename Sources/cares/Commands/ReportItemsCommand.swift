import ArgumentParser
import TrainingReports

/// `cares report items --module M`: item analysis.
struct ReportItemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract: "Item analysis of one module: facility, discrimination, most chosen wrong answer, objective mastery.",
        discussion: "Needs --module. Counts finished (passed or failed) attempts only.")

    @OptionGroup var options: SessionOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        try await ReportRunner(options: options, reportOptions: report).run(
            "items", write: { try await ItemsReport(context: $0).write(to: $1) })
    }
}
