import Foundation
import TrainingStore

/// Opens two stores, copies one into the other and reports the counts (`cares db copy`).
struct StoreCopy {
    let from: String
    let to: String
    let console: Console

    func run() async throws {
        if !PostgresLocation.isURL(from), !FileManager.default.fileExists(atPath: from) {
            throw CaresFailure.store(
                "there is no record store at \(from) to copy from", hint: "check the path given to --from")
        }
        let source = try await StoreOpener.open(from)
        let target: any CompletionStore
        do {
            target = try await StoreOpener.open(to)
        } catch {
            await source.close()
            throw error
        }
        let report: RecordCopier.Report
        do {
            report = try await RecordCopier(from: source, to: target).copy()
        } catch {
            await source.close()
            await target.close()
            throw error
        }
        await source.close()
        await target.close()
        print(report)
        if !report.conflicts.isEmpty {
            throw CaresFailure.refused(
                "\(report.conflicts.count) attempt\(report.conflicts.count == 1 ? " was" : "s were") not copied",
                hint: "finish or abandon the attempt in progress in one of the stores, then run cares db copy again")
        }
    }

    private func print(_ report: RecordCopier.Report) {
        let name = { (location: String) in DiagnosticPrinter.printable(StoreOpener.describe(location)) }
        console.line("Copied from \(name(from))")
        console.line("         to \(name(to)):")
        let rows = [
            ["learners", "\(report.learnersCopied) copied", "\(report.learnersSkipped) already there"],
            ["module versions", "\(report.modulesCopied) copied", "\(report.modulesSkipped) already there"],
            [
                "attempts", "\(report.attemptsCopied) copied",
                "\(report.attemptsSkipped) already there" + (report.attemptsClosed > 0 ? ", \(report.attemptsClosed) finished since" : ""),
            ],
            ["answers", "\(report.responsesCopied) copied", "\(report.responsesSkipped) already there"],
        ]
        for line in ModuleListing.align(rows) { console.line("  " + line) }
        for attempt in report.conflicts {
            let text = "not copied: attempt \(attempt.id.uuidString.lowercased()) by \(attempt.learnerID) at "
                + "'\(attempt.moduleID)' (in progress), because the target has another attempt in progress for them"
            FileHandle.standardError.write(Data("cares: \(DiagnosticPrinter.printable(text))\n".utf8))
        }
    }
}
