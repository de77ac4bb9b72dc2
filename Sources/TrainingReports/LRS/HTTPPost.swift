import CCurl
import Foundation

/// One HTTP POST through the system's libcurl (loaded on first use), run on a thread of its own.
///
/// libcurl honours `https_proxy`, `http_proxy` and `no_proxy` and checks certificates against the
/// system's store; redirects are not followed (a moved LRS is reported with its new address).
struct HTTPPost: Sendable {
    /// A response of any status.
    struct Response: Sendable {
        var status: Int
        /// The final response's header lines (after any `100 Continue` or proxy `CONNECT` answer).
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        /// The first header of that name, compared without case.
        func header(_ name: String) -> String? {
            let wanted = name.lowercased()
            return headers.first { $0.name.lowercased() == wanted }?.value
        }
    }

    /// Why no response came: libcurl's error code (nil when libcurl itself is missing) and message.
    struct Failure: Error, Sendable {
        var code: Int32?
        var message: String
    }

    /// The whole request's limit, in seconds.
    var timeout = 60
    /// The connection's limit, in seconds.
    var connectTimeout = 30

    /// POSTs `body` to `url` with `headers` ("Name: value").
    func send(to url: String, headers: [String], body: [UInt8]) async throws -> Response {
        let (timeout, connectTimeout) = (self.timeout, self.connectTimeout)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.perform(url, headers, body, timeout, connectTimeout) })
            }
        }
    }

    private static func perform(_ url: String, _ headers: [String], _ body: [UInt8], _ timeout: Int, _ connectTimeout: Int) throws
        -> Response
    {
        var response = ccurl_response()
        let code = withCStrings(headers) { pointers in
            body.withUnsafeBufferPointer { bytes in
                bytes.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        ccurl_post(url, pointers, pointers.count, $0, bytes.count, timeout, connectTimeout, &response)
                    }
                } ?? ccurl_post(url, pointers, pointers.count, nil, 0, timeout, connectTimeout, &response)
            }
        }
        defer { ccurl_response_free(&response) }
        guard code == 0 else {
            let message = withUnsafeBytes(of: response.error) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw Failure(code: code < 0 ? nil : code, message: message)
        }
        let headerText = response.headers.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: response.headers_length), as: UTF8.self) } ?? ""
        let bodyBytes = response.body.map { Array(UnsafeRawBufferPointer(start: $0, count: response.body_length)) } ?? []
        return Response(status: response.status, headers: parseHeaders(headerText), body: bodyBytes)
    }

    /// The header lines of the last response in `text` (libcurl passes every response's lines).
    static func parseHeaders(_ text: String) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        // `\r\n` is one Character in Swift, which `isNewline` matches.
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("HTTP/") {
                headers.removeAll()
            } else if let colon = line.firstIndex(of: ":") {
                let name = String(line[..<colon])
                let value = line[line.index(after: colon)...]
                headers.append((name, value.trimmingCharacters(in: .whitespaces)))
            }
        }
        return headers
    }

    /// Runs `body` with NUL-terminated copies of `strings`, freed afterwards.
    private static func withCStrings<Result>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> Result) -> Result {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        return body(copies.map { UnsafePointer($0) })
    }
}
