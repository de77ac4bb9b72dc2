import ArgumentParser
import Foundation

/// Runs an all-or-nothing import so that Ctrl-C (SIGINT) or SIGTERM rolls it back.
///
/// The first signal cancels the work, which stops at its next batch and rolls its transaction
/// back; then "Interrupted: nothing was imported." (or copied) and exit status 130. A second
/// signal stops at once: the store discards a transaction that was never committed.
enum InterruptibleImport {
    /// Runs `body`; `nothing` completes the sentence "Interrupted: …" ("nothing was imported").
    static func run<T: Sendable>(nothing: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let message = "Interrupted: \(nothing).\n"
        let signals = SignalCount()
        let sources = StopSignals.watch([SIGINT, SIGTERM]) {
            if signals.increment() > 1 {
                FileHandle.standardError.write(Data(message.utf8))
                _exit(130)
            }
            task.cancel()
        }
        defer { for source in sources { source.cancel() } }
        do {
            return try await task.value
        } catch {
            guard task.isCancelled else { throw error }
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(130)
        }
    }
}

/// How many stop signals have arrived.
private final class SignalCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
