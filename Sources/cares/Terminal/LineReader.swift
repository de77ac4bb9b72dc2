import Foundation

/// Reads standard input line by line on a dedicated thread, so a waiting prompt never blocks
/// Swift's cooperative thread pool.
final class LineReader: @unchecked Sendable {
    /// The longest line kept; the rest of a longer line is dropped.
    static let maxLineLength = 4_096

    private let lock = NSLock()
    private var lines: [String] = []
    private var finished = false
    private var started = false
    private var waiting: CheckedContinuation<String?, Never>?

    /// The next line without its line break, or nil at end of input.
    func next() async -> String? {
        await withCheckedContinuation { continuation in
            lock.lock()
            if !lines.isEmpty {
                let line = lines.removeFirst()
                lock.unlock()
                continuation.resume(returning: line)
            } else if finished {
                lock.unlock()
                continuation.resume(returning: nil)
            } else {
                waiting = continuation
                let start = !started
                started = true
                lock.unlock()
                if start { Thread.detachNewThread { [self] in readLoop() } }
            }
        }
    }

    private func readLoop() {
        while let line = readLine(strippingNewline: true) {
            let kept = line.count > Self.maxLineLength ? String(line.prefix(Self.maxLineLength)) : line
            deliver(kept)
        }
        lock.lock()
        finished = true
        let continuation = waiting
        waiting = nil
        lock.unlock()
        continuation?.resume(returning: nil)
    }

    private func deliver(_ line: String) {
        lock.lock()
        if let continuation = waiting {
            waiting = nil
            lock.unlock()
            continuation.resume(returning: line)
        } else {
            lines.append(line)
            lock.unlock()
        }
    }
}
