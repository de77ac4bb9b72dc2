import Foundation

/// The partly written files of the report outputs still open, so that an interrupted command can
/// remove them.
///
/// `ReportOutput.file` adds its partial file; `commit` and `discard` take it out under the same
/// lock as `removeAll`, so a signal handler finds a file either still partial (and removes it) or
/// already moved into place, never half way.
public enum UnfinishedOutputs {
    private static let lock = NSLock()
    /// Partial file → the final name it is written for.
    nonisolated(unsafe) private static var files: [String: String] = [:]

    static func add(partial: String, final: String) {
        lock.withLock { files[partial] = final }
    }

    /// Runs `body` (moving the file into place, or removing it) with the file taken off the list.
    static func finish(_ partial: String, _ body: () throws -> Void) rethrows {
        lock.lock()
        defer { lock.unlock() }
        files[partial] = nil
        try body()
    }

    /// Removes every partly written file still open and returns the final names they were for.
    /// Later outputs are no longer tracked: the caller is about to exit.
    public static func removeAll() -> [String] {
        lock.lock()
        let pending = files
        files = [:]
        lock.unlock()
        for partial in pending.keys { unlink(partial) }
        return pending.values.sorted()
    }
}
