import ArgumentParser
import TrainingReports

/// `cares report completions`: one row per learner × required module.
struct ReportCompletionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Each learner's standing on each required module: status, best score, passed, version, expiry.",
        discussion: "--since/--until keep rows whose counted pass finished in that range.")

    @OptionGroup var options: SessionOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        try await ReportRunner(options: options, reportOptions: report).run(
            "completions",
            write: { try await CompletionsReport(context: $0).write(to: $1) },
            writeXAPI: { try await CompletionsReport(context: $0).writeXAPI(to: $1) })
    }
}
