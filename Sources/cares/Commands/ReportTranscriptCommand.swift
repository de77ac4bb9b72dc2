import ArgumentParser
import TrainingReports

/// `cares report transcript --learner L`: one learner's history.
struct ReportTranscriptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcript",
        abstract: "One learner's history: every attempt, standing on each required module, grants and voids.",
        discussion: "Needs --learner.")

    @OptionGroup var options: SessionOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        try await ReportRunner(options: options, reportOptions: report).run(
            "transcript", write: { try await TranscriptReport(context: $0).write(to: $1) })
    }
}
