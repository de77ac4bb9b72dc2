import Foundation

/// How often and how long to retry a batch on 429, 5xx and network errors: exponential backoff
/// from `initialDelay`, doubling, at most `retries` times and never past `maxElapsed` in all.
public struct LRSRetryPolicy: Sendable {
    public var retries: Int
    public var initialDelay: TimeInterval
    public var maxDelay: TimeInterval
    public var maxElapsed: TimeInterval

    public init(retries: Int = 5, initialDelay: TimeInterval = 0.5, maxDelay: TimeInterval = 30, maxElapsed: TimeInterval = 120) {
        self.retries = retries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxElapsed = maxElapsed
    }

    /// The wait before retry number `retry` (0-based); a server's Retry-After wins when it is within bounds.
    public func delay(retry: Int, retryAfter: TimeInterval? = nil) -> TimeInterval {
        let backoff = Swift.min(initialDelay * pow(2, Double(retry)), maxDelay)
        guard let retryAfter, retryAfter >= 0 else { return backoff }
        return Swift.min(Swift.max(retryAfter, backoff), maxDelay)
    }
}
