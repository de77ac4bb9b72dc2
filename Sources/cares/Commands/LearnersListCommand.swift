import ArgumentParser
import TrainingReports

/// `cares learners list`: the learners on record.
struct LearnersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the learners on record (filter with --department, --role).")

    @OptionGroup var options: SessionOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        try await ReportRunner(options: options, reportOptions: report).run(
            "learners", write: { try await LearnersReport(context: $0).write(to: $1) })
    }
}
