import Foundation

/// Stop signals handled on a queue instead of ending the process at once.
enum StopSignals {
    /// Ignores each of `signals` in the usual way and runs `handler` on a global queue when one
    /// arrives; the returned sources keep watching until cancelled.
    static func watch(_ signals: [Int32], _ handler: @escaping @Sendable () -> Void) -> [DispatchSourceSignal] {
        signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }
}
