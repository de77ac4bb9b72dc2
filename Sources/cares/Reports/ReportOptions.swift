import ArgumentParser
import Foundation
import TrainingReports
import TrainingService

extension ReportFormat: ExpressibleByArgument {}

/// The filters and output options shared by `cares report …` (with `--learner` from `SessionOptions`).
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this module.", valueName: "id"))
    var module: String?

    @Option(help: ArgumentHelp("Only learners in this department (as in the roster; case ignored).", valueName: "name"))
    var department: String?

    @Option(help: ArgumentHelp("Only learners with this role (as in the roster; case ignored).", valueName: "name"))
    var role: String?

    @Option(help: ArgumentHelp("From this date (YYYY-MM-DD, local time) or ISO 8601 time.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Up to and including this date (YYYY-MM-DD) or before this ISO 8601 time.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("table (default), csv, json, html; xapi for attempts and completions.", valueName: "format"))
    var format: ReportFormat = .table

    @Flag(help: "Table: every column in full, however wide the terminal.")
    var wide = false

    @Option(help: ArgumentHelp("Table: only these columns, in this order, by their CSV/JSON names.", valueName: "a,b,c"))
    var columns: String?

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"), completion: .file())
    var output: String?

    @Option(name: .customLong("home-page"), help: ArgumentHelp("xAPI: the actor account homePage (default: site.yaml's xapi.home_page).", valueName: "url"))
    var homePage: String?

    /// How a table is laid out: fitted to the terminal on a TTY unless `--wide`; in full when piped or
    /// written to a file. Unknown `--columns` names are a usage error listing the valid ones.
    func tableLayout(report name: String) throws -> TableLayout {
        let chosen = columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        guard format == .table else {
            if wide || chosen != nil {
                throw CaresFailure(message: "--wide and --columns are for --format table", hint: nil, exitCode: 64)
            }
            return .full
        }
        if let chosen {
            let sections = ReportSection.byReport[name] ?? []
            let unknown = TableLayout.unknown(chosen, in: sections)
            if chosen.isEmpty || !unknown.isEmpty {
                var valid: [String] = []
                for key in sections.flatMap({ $0.columns.map(\.key) }) where !valid.contains(key) { valid.append(key) }
                throw CaresFailure(
                    message: chosen.isEmpty ? "--columns names no column" : "no column \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in `report \(name)`",
                    hint: "Columns: \(valid.joined(separator: ", ")).", exitCode: 64)
            }
        }
        let fitted = !wide && output == nil && isatty(STDOUT_FILENO) == 1
        return TableLayout(width: fitted ? Terminal.tableWidth() : nil, columns: chosen)
    }

    /// The filters, with dates read in the local time zone.
    func filter(learner: String?) throws -> ReportFilter {
        let time = ReportTime()
        func date(_ text: String?, name: String, endOfDay: Bool) throws -> Date? {
            guard let text else { return nil }
            guard let date = time.parse(text, endOfDay: endOfDay) else {
                throw CaresFailure(
                    message: "--\(name) '\(text)' is not a date", hint: "Use YYYY-MM-DD or an ISO 8601 time such as 2026-01-31T09:00:00+00:00.",
                    exitCode: 64)
            }
            return date
        }
        let filter = ReportFilter(
            moduleID: module, learnerID: learner, department: department, role: role,
            since: try date(since, name: "since", endOfDay: false), until: try date(until, name: "until", endOfDay: true))
        if let since = filter.since, let until = filter.until, since >= until {
            throw CaresFailure(message: "--since must be before --until", hint: nil, exitCode: 64)
        }
        return filter
    }
}
