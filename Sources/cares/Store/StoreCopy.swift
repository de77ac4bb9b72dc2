import Foundation
import TrainingService
import TrainingStore

/// Opens two stores, copies one into the other and reports the counts (`cares db copy`).
struct StoreCopy {
    let from: String
    let to: String
    let console: Console

    func run() async throws {
        guard try StoreOpener.parse(from).exists else {
            throw CaresFailure.store(
                "there is no record store at \(from) to copy from", hint: "check the path given to --from")
        }
        let (from, to) = (from, to)
        let report = try await InterruptibleImport.run(nothing: "nothing was copied") {
            try await StoreOpener.withStore(from) { source in
                try await StoreOpener.withStore(to) { target in try await RecordCopier(from: source, to: target).copy() }
            }
        }
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
        let closed = report.attemptsClosed > 0 ? ", \(report.attemptsClosed) finished since the last copy" : ""
        let rows: [(String, Int, Int, String)] = [
            ("learners", report.learnersCopied, report.learnersSkipped, ""),
            ("module versions", report.modulesCopied, report.modulesSkipped, ""),
            ("attempts", report.attemptsCopied, report.attemptsSkipped, closed),
            ("answers", report.responsesCopied, report.responsesSkipped, ""),
        ]
        for (label, copied, skipped, extra) in rows {
            let padded = label.padding(toLength: 16, withPad: " ", startingAt: 0)
            console.line("  \(padded) \(copied) copied, \(skipped) already there\(extra)")
        }
        for attempt in report.conflicts {
            let text = "not copied: attempt \(attempt.id.uuidString.lowercased()) by \(attempt.learnerID) at "
                + "'\(attempt.moduleID)' (in progress), because the target has another attempt in progress for them"
            FileHandle.standardError.write(Data("cares: \(DiagnosticPrinter.printable(text))\n".utf8))
        }
    }
}
