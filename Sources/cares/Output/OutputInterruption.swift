import Foundation
import TrainingReports

/// Makes Ctrl-C (SIGINT), SIGTERM or a closed terminal (SIGHUP) while a command writes a file
/// remove the partly written file: "Interrupted: nothing was written to FILE." and exit status 130.
///
/// Without it the signal would end the process and leave the hidden `.FILE.partial-…` beside the
/// file, which for a report holds learners' records. Installed only by commands that write a file
/// (`ReportOutput.interruptibleFile`), so learner sessions and imports keep their own handlers.
enum OutputInterruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers once.
    static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        sources = StopSignals.watch([SIGINT, SIGTERM, SIGHUP]) {
            let removed = UnfinishedOutputs.removeAll().map(DiagnosticPrinter.printable)
            let what = removed.isEmpty ? "" : ": nothing was written to " + removed.joined(separator: ", ")
            FileHandle.standardError.write(Data("Interrupted\(what).\n".utf8))
            _exit(130)
        }
    }
}
