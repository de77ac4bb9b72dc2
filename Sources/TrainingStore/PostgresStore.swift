import Foundation
import Logging
import PostgresNIO

/// The record store in a PostgreSQL database shared by many terminals, on PostgresNIO.
///
/// Each instance runs its own small connection pool; `close()` shuts it down. Writes run in
/// transactions whose constraints (one attempt in progress per learner and module, one response
/// per question) hold however many terminals write at once; a transaction the server aborts for a
/// deadlock or serialization failure is run again.
public final class PostgresStore: CompletionStore {
    public let location: PostgresLocation
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let logger = Logger(label: "cares.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// How many times a transaction the server aborted for a deadlock or serialization failure is tried again.
    static let conflictRetries = 3

    private init(location: PostgresLocation, client: PostgresClient) {
        self.location = location
        self.client = client
        runner = Task { await client.run() }
    }

    /// Connects to the database at `location`, checking at once that the server answers and accepts the login.
    ///
    /// Call `migrate()` before anything else, and `close()` when done.
    public static func connect(_ location: PostgresLocation) async throws -> PostgresStore {
        let tls = try tlsConfiguration(location)
        try await probe(location, tls: tls)
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: try clientTLS(location.tlsMode, tls))
        configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
        configuration.options.additionalStartupParameters = startupParameters(location)
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = 4
        configuration.options.keepAliveBehavior = .init(frequency: .seconds(60))
        return PostgresStore(location: location, client: PostgresClient(configuration: configuration))
    }

    /// Parses `url` and connects; see `connect(_:)`.
    public static func connect(url: String) async throws -> PostgresStore {
        try await connect(PostgresLocation(url: url))
    }

    public func close() async {
        runner.cancel()
        await runner.value
    }

    // MARK: Database access

    /// Runs `body` on a pooled connection outside a transaction.
    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw storeError(error)
        }
    }

    /// Runs `body` in a transaction, again if the server aborts it for a deadlock or serialization failure.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        var tries = 0
        while true {
            do {
                return try await client.withConnection { connection in
                    try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
                }
            } catch {
                let error = storeError(error)
                if Self.isConflict(error), tries < Self.conflictRetries {
                    tries += 1
                    try? await Task.sleep(nanoseconds: UInt64(tries) * 20_000_000)
                    continue
                }
                throw error
            }
        }
    }

    /// All rows of a query, each turned into a value.
    static func all<T>(
        _ query: PostgresQuery, on connection: PostgresConnection, logger: Logger,
        _ transform: (PostgresRandomAccessRow) throws -> T
    ) async throws -> [T] {
        var values: [T] = []
        for try await row in try await connection.query(query, logger: logger) {
            values.append(try transform(row.makeRandomAccess()))
        }
        return values
    }

    /// How many rows a statement with `RETURNING` returned.
    static func count(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var count = 0
        for try await _ in try await connection.query(query, logger: logger) { count += 1 }
        return count
    }

    // MARK: Connecting

    /// libpq-style settings sent when a connection starts.
    private static func startupParameters(_ location: PostgresLocation) -> [(String, String)] {
        var parameters = [("application_name", location.applicationName)]
        if let options = location.options { parameters.append(("options", options)) }
        return parameters
    }

    /// The TLS settings for `sslmode`: no certificate check for prefer and require (as libpq, unless
    /// require has a root certificate), the CA for verify-ca, the CA and host name for verify-full.
    private static func tlsConfiguration(_ location: PostgresLocation) throws -> TLSConfiguration? {
        guard location.tlsMode != .disable else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        let root = location.rootCertificatePath
        switch location.tlsMode {
        case .disable, .prefer:
            configuration.certificateVerification = .none
        case .require:
            configuration.certificateVerification = root == nil ? .none : .noHostnameVerification
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
        }
        if let root { configuration.trustRoots = .file(root) }
        return configuration
    }

    private static func clientTLS(
        _ mode: PostgresLocation.TLSMode, _ configuration: TLSConfiguration?
    ) throws -> PostgresClient.Configuration.TLS {
        guard let configuration else { return .disable }
        return mode == .prefer ? .prefer(configuration) : .require(configuration)
    }

    /// Opens and closes one connection, so an unreachable server or a refused login is reported at once
    /// with its cause (the pool would retry quietly).
    private static func probe(_ location: PostgresLocation, tls configuration: TLSConfiguration?) async throws {
        let tls: PostgresConnection.Configuration.TLS
        do {
            if let configuration {
                let context = try NIOSSLContext(configuration: configuration)
                tls = location.tlsMode == .prefer ? .prefer(context) : .require(context)
            } else {
                tls = .disable
            }
        } catch {
            throw StoreError.unavailable(
                "cannot set up TLS for \(location): \(error); check the file named by sslrootcert")
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
        configuration.options.additionalStartupParameters = startupParameters(location)
        let logger = Logger(label: "cares.store.postgres.probe", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        } catch {
            throw connectionError(error, location: location)
        }
        try? await connection.close()
    }
}
