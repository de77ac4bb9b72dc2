import Foundation

/// Sends xAPI 1.0.3 statements to a Learning Record Store: `POST {endpoint}/statements` with a JSON
/// array, Basic auth and `X-Experience-API-Version: 1.0.3`, retrying 429, 5xx and network errors.
public final class LRSClient: @unchecked Sendable {
    /// What became of one batch.
    public struct Outcome: Sendable, Equatable {
        /// Statements the LRS stored or already had (200, 204, or 409 one by one).
        public var sent = 0
        /// Statements the LRS answered 409 Conflict for: it holds other content under the same id.
        public var conflicts = 0
        /// Retries it took.
        public var retries = 0
    }

    public let endpoint: URL
    private let authorization: String?
    private let policy: LRSRetryPolicy
    private let http = HTTPPost()

    /// `endpoint` is the LRS's xAPI base (such as `https://lrs.example.org/xAPI`); it must not hold credentials.
    public init(endpoint: String, username: String?, password: String?, policy: LRSRetryPolicy = LRSRetryPolicy()) throws {
        let trimmed = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            throw LRSError.configuration("the LRS endpoint '\(LRSError.printable(Self.masked(endpoint)))' is not an http(s) URL such as https://lrs.example.org/xAPI")
        }
        guard url.user == nil, url.password == nil else {
            throw LRSError.configuration("the LRS endpoint must not hold a user or password: set lrs.username and CARES_LRS_PASSWORD")
        }
        self.endpoint = url
        if let username, !username.isEmpty {
            authorization = "Basic " + Data("\(username):\(password ?? "")".utf8).base64EncodedString()
        } else {
            authorization = nil
        }
        self.policy = policy
    }

    /// An endpoint safe to print: anything between `://` and the last `@` replaced by `***`.
    public static func masked(_ endpoint: String) -> String {
        guard let scheme = endpoint.range(of: "://"), let at = endpoint.lastIndex(of: "@"), at > scheme.upperBound else { return endpoint }
        return String(endpoint[..<scheme.upperBound]) + "***" + String(endpoint[at...])
    }

    /// Whether statements and the password would cross the network unencrypted (http:// to another machine).
    public var isUnencrypted: Bool {
        endpoint.scheme?.lowercased() == "http" && !["127.0.0.1", "localhost", "::1", "[::1]"].contains(endpoint.host?.lowercased() ?? "")
    }

    /// Sends one batch; on 409 for several statements, sends them one by one so that the new ones are stored.
    public func send(_ statements: [XAPIStatement]) async throws -> Outcome {
        guard !statements.isEmpty else { return Outcome() }
        var outcome = Outcome()
        let status = try await post(statements, retries: &outcome.retries)
        if status != 409 {
            outcome.sent = statements.count
            return outcome
        }
        if statements.count == 1 {
            outcome.sent = 1
            outcome.conflicts = 1
            return outcome
        }
        for statement in statements {
            let one = try await send([statement])
            outcome.sent += one.sent
            outcome.conflicts += one.conflicts
            outcome.retries += one.retries
        }
        return outcome
    }

    /// POSTs statements until the LRS answers 2xx or 409 (returned), retrying what may pass later.
    private func post(_ statements: [XAPIStatement], retries: inout Int) async throws -> Int {
        let url = endpoint.appendingPathComponent("statements").absoluteString
        var headers = ["X-Experience-API-Version: 1.0.3", "Content-Type: application/json", "Expect:"]
        if let authorization { headers.append("Authorization: " + authorization) }
        let body = Array(("[" + statements.map(\.json).joined(separator: ",") + "]").utf8)
        let started = Date()
        var attempt = 0
        while true {
            let problem: String
            var retryAfter: TimeInterval?
            do {
                let response = try await http.send(to: url, headers: headers, body: body)
                let status = response.status
                if (200..<300).contains(status) || status == 409 { return status }
                let message = Self.message(Data(response.body))
                if (300..<400).contains(status) {
                    let moved = response.header("Location").map { " to \(LRSError.printable($0))" } ?? ""
                    throw LRSError.refused(
                        status: status, message: "the LRS has moved\(moved): set lrs.endpoint to its new address")
                }
                if status != 429 && !(500..<600).contains(status) {
                    throw LRSError.refused(status: status, message: message)
                }
                problem = "the LRS answered HTTP \(status)" + (message.isEmpty ? "" : ": \(message)")
                retryAfter = response.header("Retry-After").flatMap(TimeInterval.init)
            } catch let error as LRSError {
                throw error
            } catch let failure as HTTPPost.Failure where failure.code == nil {
                // libcurl is missing or cannot start: trying again would not help.
                throw LRSError.noHTTP("cannot send to the LRS: \(LRSError.printable(failure.message))")
            } catch {
                problem = "cannot reach the LRS at \(endpoint.absoluteString): \(LRSError.printable(Self.describe(error)))"
            }
            let delay = policy.delay(retry: attempt, retryAfter: retryAfter)
            guard attempt < policy.retries, Date().timeIntervalSince(started) + delay <= policy.maxElapsed else {
                throw LRSError.unavailable(problem + (attempt > 0 ? " (after \(attempt) retr\(attempt == 1 ? "y" : "ies"))" : ""))
            }
            attempt += 1
            retries += 1
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
        }
    }

    /// A network error's reason, without the URL.
    static func describe(_ error: Error) -> String {
        guard let failure = error as? HTTPPost.Failure else { return String(describing: error) }
        switch failure.code {
        case nil: return failure.message
        case 5: return "unknown proxy host (check https_proxy)"
        case 6: return "unknown host"
        case 7: return "connection refused"
        case 28: return "timed out"
        case 52, 55, 56: return "the connection was lost"
        case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91:
            return "TLS failed (check the server certificate): \(failure.message)"
        case let code?: return "network error \(code): \(failure.message)"
        }
    }

    /// The LRS's message: a JSON body's `message`, `detail` or `error`, else the body text; printable, truncated.
    static func message(_ data: Data) -> String {
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            for key in ["message", "detail", "error"] {
                if let value = object[key] as? String { return LRSError.printable(value) }
                if let value = object[key], JSONSerialization.isValidJSONObject(value),
                    let json = try? JSONSerialization.data(withJSONObject: value)
                {
                    return LRSError.printable(String(decoding: json, as: UTF8.self))
                }
            }
        }
        return LRSError.printable(text)
    }
}
