import ArgumentParser
import TrainingReports

/// `cares report attempts`: every attempt.
struct ReportAttemptsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attempts", abstract: "Every attempt: who, which module and version, status, times, score.",
        discussion: "--since/--until select attempts by the time they started.")

    @OptionGroup var options: SessionOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        try await ReportRunner(options: options, reportOptions: report).run(
            "attempts",
            write: { try await AttemptsReport(context: $0).write(to: $1) },
            writeXAPI: { try await AttemptsReport(context: $0).writeXAPI(to: $1) })
    }
}
