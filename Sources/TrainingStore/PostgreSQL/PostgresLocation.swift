import Foundation

/// A PostgreSQL server and database named by a URL, `postgres://user:password@host:port/db?sslmode=…`.
///
/// Understands the libpq URL form with the parameters `sslmode` (disable, prefer, require,
/// verify-ca, verify-full; default prefer), `sslrootcert` (a PEM file of trusted CA certificates),
/// `connect_timeout` (seconds, default 10), `application_name` and `options` (such as
/// `-c search_path=cares`). The password may also come from `PGPASSWORD`, the user from `PGUSER`.
/// `description` never shows the password.
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    /// How much of the connection is protected by TLS, as libpq's `sslmode`.
    public enum TLSMode: String, Hashable, Sendable, CaseIterable {
        case disable
        case prefer
        case require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tlsMode: TLSMode
    /// A PEM file of trusted certificate authorities, for `verify-ca` and `verify-full`.
    public var rootCertificatePath: String?
    public var connectTimeout: Int
    public var applicationName: String
    /// Server settings sent at connection start, like libpq's `options` (`-c name=value …`).
    public var options: String?

    /// Whether `text` looks like a PostgreSQL URL (`postgres://` or `postgresql://`) rather than a file path.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses a URL; throws `StoreError.unavailable` saying what is wrong with it.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func bad(_ problem: String) -> StoreError {
            .unavailable(
                "the database URL \(Self.masked(text)) is not valid: \(problem); "
                    + "expected postgres://user:password@host:port/database?sslmode=verify-full")
        }
        guard Self.isURL(text), let split = Self.split(text), let components = URLComponents(string: split.rest) else {
            throw bad("it cannot be read as a URL (special characters in the password must be percent-encoded)")
        }
        guard let host = components.host, !host.isEmpty else { throw bad("it names no host") }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if let port = components.port {
            guard (1...65_535).contains(port) else { throw bad("the port \(port) is out of range") }
            self.port = port
        } else {
            port = 5432
        }
        let environmentUser = environment["PGUSER"].flatMap { $0.isEmpty ? nil : $0 }
        guard let user = split.user.flatMap({ $0.isEmpty ? nil : $0 }) ?? environmentUser else {
            throw bad("it names no user (write user@host, or set PGUSER)")
        }
        self.user = user
        password = split.password ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else { throw bad("the database name '\(path)' contains '/'") }
        database = path.isEmpty ? user : path
        tlsMode = .prefer
        rootCertificatePath = nil
        connectTimeout = 10
        applicationName = "cares"
        options = nil
        var seen = Set<String>()
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            guard seen.insert(item.name).inserted else { throw bad("the parameter \(item.name) is given twice") }
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw bad("sslmode '\(value)' is not one of \(modes)")
                }
                tlsMode = mode
            case "sslrootcert":
                guard !value.isEmpty else { throw bad("sslrootcert is empty") }
                rootCertificatePath = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0, seconds <= 3600 else {
                    throw bad("connect_timeout '\(value)' is not a number of seconds from 1 to 3600")
                }
                connectTimeout = seconds
            case "application_name":
                applicationName = value
            case "options":
                options = value.isEmpty ? nil : value
            default:
                throw bad(
                    "the parameter '\(item.name)' is not supported "
                        + "(use sslmode, sslrootcert, connect_timeout, application_name or options)")
            }
        }
        if let rootCertificatePath, !FileManager.default.isReadableFile(atPath: rootCertificatePath) {
            throw StoreError.unavailable(
                "cannot read the certificate file \(rootCertificatePath) named by sslrootcert in \(description)")
        }
    }

    /// `host:port`, with brackets around an IPv6 address.
    public var endpoint: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The URL with the password replaced by `***`.
    public var description: String {
        var text = "postgres://\(user)\(password == nil ? "" : ":***")@\(endpoint)/\(database)"
        var parameters = ["sslmode=\(tlsMode.rawValue)"]
        if let rootCertificatePath { parameters.append("sslrootcert=\(rootCertificatePath)") }
        if let options { parameters.append("options=\(options)") }
        text += "?" + parameters.joined(separator: "&")
        return text
    }

    /// The user and password of a URL, and the URL without them (`scheme://host…`).
    ///
    /// The user information ends at the last `@`, as libpq and most URL parsers read an authority,
    /// so a password with an unencoded `@`, `/`, `?`, `#` or `:` is read whole rather than split
    /// into a host, a path or a fragment (an `@` in a parameter value must then be written `%40`).
    /// Both are percent-decoded (kept as written when that fails). Nil when the URL has no `://`.
    static func split(_ text: String) -> (user: String?, password: String?, rest: String)? {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        let scheme = text[..<schemeEnd.upperBound]
        let tail = text[schemeEnd.upperBound...]
        guard let at = tail.lastIndex(of: "@") else { return (nil, nil, text) }
        let credentials = tail[..<at]
        let rest = String(scheme) + tail[tail.index(after: at)...]
        let decode = { (part: Substring) in part.removingPercentEncoding ?? String(part) }
        guard let colon = credentials.firstIndex(of: ":") else { return (decode(credentials), nil, rest) }
        return (decode(credentials[..<colon]), decode(credentials[credentials.index(after: colon)...]), rest)
    }

    /// `text` with anything between `://user:` and `@` replaced by `***`, for messages about a URL that did not parse.
    public static func masked(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return text }
        let credentials = rest[..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(rest[at...])
    }
}
