import ArgumentParser
import TrainingReports

/// `cares report due`: who must (re)take what, and what is overdue.
struct ReportDueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Required modules not passed, expired, due after a major version, or expiring soon; overdue flagged.")

    @OptionGroup var options: SessionOptions
    @OptionGroup var report: ReportOptions

    @Option(help: ArgumentHelp("Include passes that expire within this many days.", valueName: "days"))
    var within = 30

    func run() async throws {
        let days = within
        try await ReportRunner(options: options, reportOptions: report).run(
            "due", write: { try await DueReport(context: $0, withinDays: days).write(to: $1) })
    }
}
