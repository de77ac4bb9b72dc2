import Foundation

/// Wall-clock time per phase of a command, printed to standard error when `CARES_TIMINGS=1`.
struct PhaseTimings {
    let enabled: Bool
    private var last = ContinuousClock.now
    private var phases: [(String, Duration)] = []

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Ends the phase running since the previous call (or since `init`).
    mutating func end(_ name: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        phases.append((name, now - last))
        last = now
    }

    /// One line per phase, `timing NAME MILLISECONDS ms`, on standard error.
    func print() {
        guard enabled else { return }
        var text = ""
        for (name, duration) in phases {
            let (seconds, attoseconds) = duration.components
            let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
            text += "timing \(name) \(String(format: "%.1f", milliseconds)) ms\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
