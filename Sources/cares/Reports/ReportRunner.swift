import Foundation
import TrainingReports

/// Runs one report into the chosen format and destination; a file is replaced only when complete.
struct ReportRunner {
    let options: SessionOptions
    let reportOptions: ReportOptions

    /// Runs `write` with a writer for table, CSV, JSON or HTML, or `writeXAPI` for xapi (nil: not offered).
    func run(
        _ name: String,
        write: (ReportContext, ReportWriter) async throws -> Void,
        writeXAPI: ((ReportContext, XAPIWriter) async throws -> Void)? = nil
    ) async throws {
        let filter = try reportOptions.filter(learner: options.learner)
        let layout = try reportOptions.tableLayout(report: name)
        try await ReportEnvironment.using(options) { environment in
            let context = environment.context(filter)
            var homePage = ""
            if reportOptions.format == .xapi {
                guard writeXAPI != nil else {
                    throw ReportError.usage("`report \(name)` has no xapi format; xapi is for attempts and completions")
                }
                homePage = try Self.homePage(
                    try CaresConfig.checked(homePageFlag: reportOptions.homePage).xapiHomePage?.value ?? environment.site?.xapiHomePage)
            }
            let output = try reportOptions.output.map(ReportOutput.interruptibleFile) ?? .standardOutput()
            do {
                if let writer = reportOptions.format.writer(output: output, time: context.time, layout: layout) {
                    try await write(context, writer)
                } else if let writeXAPI {
                    try await writeXAPI(context, XAPIWriter(output: output, homePage: homePage, time: context.time))
                }
                try output.commit()
            } catch {
                output.discard()
                throw error
            }
            if let file = reportOptions.output, file != "-" {
                FileHandle.standardError.write(Data("Wrote \(file).\n".utf8))
            }
        }
    }

    static func homePage(_ value: String?) throws -> String {
        guard let value, !value.isEmpty else {
            throw ReportError.usage("xapi needs a home page for learner accounts: set xapi.home_page in site.yaml or pass --home-page URL")
        }
        guard let url = URL(string: value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw ReportError.usage("--home-page '\(value)' must be an http(s) URL such as https://lms.example.org")
        }
        return value
    }
}
