import Foundation
import Logging
import PostgresNIO

/// The record store in a PostgreSQL database shared by many terminals, on PostgresNIO.
///
/// Each instance runs its own small connection pool that holds no connection while idle: a
/// connection is taken for each operation and closed once nothing has used it for
/// `idleTimeout`, so a learner reading a question or thinking holds none, and hundreds of
/// learners share a server's few connections. When the server is full (too many connections) or
/// starting up, connecting is tried again with backoff and jitter for up to `busyServerWait`
/// before a clear error. Writes run in transactions whose constraints
/// (one attempt in progress per learner and module, one response per question) hold however many
/// terminals write at once; a transaction the server aborts for a deadlock or serialization
/// failure is run again.
public final class PostgresStore: RecordStore, @unchecked Sendable {
    private let postgres: PostgresDatabase

    private init(location: PostgresLocation, client: PostgresClient, runner: Task<Void, Never>?) {
        postgres = PostgresDatabase(location: location, client: client, runner: runner)
        super.init(location: .postgres(location), database: postgres)
    }

    /// Connects to the database at `location`, runs `body` with the store, and shuts the connection
    /// pool down when `body` returns or throws.
    ///
    /// The pool's `run()` is a child task of this call, as PostgresNIO expects; call `migrate()`
    /// before anything else.
    public static func withStore<T: Sendable>(
        _ location: PostgresLocation, _ body: (PostgresStore) async throws -> T
    ) async throws -> T {
        let client = try await makeClient(location)
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(PostgresStore(location: location, client: client, runner: nil))
        }
    }

    /// Connects to the database at `location`, checking at once that the server answers and accepts
    /// the login, with the pool running in a task of its own until `close()`.
    ///
    /// Prefer `withStore`, which scopes the pool; this is for callers that cannot run inside it.
    public static func connect(_ location: PostgresLocation) async throws -> PostgresStore {
        let client = try await makeClient(location)
        return PostgresStore(location: location, client: client, runner: Task { await client.run() })
    }

    /// Runs SQL statements (separated by `;`) outside the store's API in one transaction; tests use
    /// it to create schemas and fake other versions.
    func execute(sql: String) async throws {
        try await postgres.write { connection in
            for statement in ShippedMigration.statements(sql) { try await connection.execute(SQL(statement), []) }
        }
    }

    /// At most this many connections per process (a command runs its operations one at a time; two
    /// lets a stream and a write overlap).
    static let maximumConnections = 2
    /// How long a connection no operation uses stays open: long enough for a quick learner's next
    /// answer and for a burst of answers to reuse it (opening one costs the server a process: with
    /// 100 ms, 50 learners answering at once waited up to a second while connections reopened),
    /// shorter than most learners' pause between answers.
    static let idleTimeout: Duration = .milliseconds(1000)
    /// How long a command keeps trying to connect while the server is full or starting up.
    static let busyServerWait: Duration = .seconds(60)
    /// How long an operation waits for a pooled connection before the server is checked directly,
    /// and how often it is checked again (`watchWhileWaiting`).
    static let watchAfter: Duration = .seconds(2)
    static let watchEvery: Duration = .seconds(3)

    /// A client for `location`, after one probe connection has succeeded.
    private static func makeClient(_ location: PostgresLocation) async throws -> PostgresClient {
        let tls = try tlsConfiguration(location)
        try await probe(location, tls: tls)
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: try clientTLS(location.tlsMode, tls))
        configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
        configuration.options.additionalStartupParameters = startupParameters(location)
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectionIdleTimeout = idleTimeout
        // Connections close long before a keep-alive would matter.
        configuration.options.keepAliveBehavior = nil
        return PostgresClient(configuration: configuration)
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
        let tls = try connectionTLS(location, configuration)
        let clock = ContinuousClock()
        let deadline = clock.now + busyServerWait
        var tries = 0
        while let error = await connectOnce(location, tls: tls) {
            guard isServerBusy(error) else { throw connectionError(error, location: location) }
            guard clock.now < deadline else { throw busyError(error, location: location) }
            tries += 1
            try await Task.sleep(for: backoff(tries))
        }
    }

    /// The TLS settings of a single connection (outside the pool) for `sslmode`.
    private static func connectionTLS(
        _ location: PostgresLocation, _ configuration: TLSConfiguration?
    ) throws -> PostgresConnection.Configuration.TLS {
        guard let configuration else { return .disable }
        do {
            let context = try NIOSSLContext(configuration: configuration)
            return location.tlsMode == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw StoreError.unavailable(
                "cannot set up TLS for \(location): \(error); check the file named by sslrootcert")
        }
    }

    /// One connection straight to the server (not through the pool), closed at once: nil when it
    /// succeeded, else why not.
    private static func connectOnce(
        _ location: PostgresLocation, tls: PostgresConnection.Configuration.TLS
    ) async -> (any Error)? {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
        configuration.options.additionalStartupParameters = startupParameters(location)
        let logger = Logger(label: "cares.store.postgres.probe", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try? await connection.close()
            return nil
        } catch {
            return error
        }
    }

    /// Waits for ever, unless the server stops answering: for an operation that waits for a pooled
    /// connection, so that it is cancelled when the connection comes.
    ///
    /// When the server goes away, the pool keeps trying to connect for a minute before it gives up
    /// (its circuit breaker), and then says only that it could not connect. After `watchAfter`, and
    /// then every `watchEvery`, this tries one connection of its own; a refusal that is not the
    /// server being full or starting up ends the wait with the reason (refused, unreachable, login).
    static func watchWhileWaiting(_ location: PostgresLocation) async throws {
        try await Task.sleep(for: watchAfter)
        let tls = try connectionTLS(location, try tlsConfiguration(location))
        while true {
            if let error = await connectOnce(location, tls: tls), !isServerBusy(error) {
                throw connectionError(error, location: location)
            }
            try await Task.sleep(for: watchEvery)
        }
    }

    /// Whether the server refused a connection only for now: too many connections (53300) or starting up (57P03).
    static func isServerBusy(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, error.code == .server else { return false }
        let state = error.serverInfo?[.sqlState] ?? ""
        return state == "53300" || state == "57P03"
    }

    /// The wait before try `tries` + 1: exponential from 50 ms, capped at 2 s, with full jitter so
    /// that many terminals refused at once do not come back at once.
    static func backoff(_ tries: Int) -> Duration {
        let cap = min(2.0, 0.05 * pow(2.0, Double(min(tries, 8))))
        return .milliseconds(Int64(Double.random(in: 0.1...1.0) * cap * 1000))
    }

    /// The error once the server stayed full or starting up for `busyServerWait`.
    static func busyError(_ error: any Error, location: PostgresLocation) -> StoreError {
        let message: String? = (error as? PSQLError)?.serverInfo?[.message]
        let said = message.map { " (the server said: \($0))" } ?? ""
        return unavailable(
            "the server had no free connection for \(busyServerWait.components.seconds) seconds\(said); "
                + "try again shortly, and ask the database administrator to raise max_connections "
                + "(see docs/deploy-postgres.md) — answers given before this are saved", location)
    }
}
