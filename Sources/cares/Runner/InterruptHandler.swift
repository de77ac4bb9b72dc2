import Foundation

/// Turns Ctrl-C into a clean stop: a message with the command to resume, then exit status 130.
///
/// Every answer is committed before its feedback is shown, so stopping at any moment loses nothing.
enum InterruptHandler {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?
    private static let lock = NSLock()
    nonisolated(unsafe) private static var message = "\nStopped. Nothing was lost.\n"

    /// Installs the handler once.
    static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard source == nil else { return }
        source = StopSignals.watch([SIGINT]) {
            lock.lock()
            let text = message
            lock.unlock()
            FileHandle.standardOutput.write(Data(text.utf8))
            _exit(130)
        }.first
    }

    /// Sets what to print when interrupted.
    static func setMessage(_ text: String) {
        lock.lock()
        message = text
        lock.unlock()
    }
}
