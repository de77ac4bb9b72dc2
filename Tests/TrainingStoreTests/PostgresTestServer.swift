import Foundation
import XCTest

@testable import TrainingStore

/// The PostgreSQL server of `CARES_TEST_POSTGRES_URL`, and a fresh schema on it per test.
///
/// Unset, the PostgreSQL tests skip with a message; under CI (`CI=true`) they fail instead, since
/// CI must run them (`.ci/run` starts a server).
final class PostgresTestServer: @unchecked Sendable {
    /// The server URL, or a skip (a failure under CI) when it is not set.
    static func url() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["CARES_TEST_POSTGRES_URL"], !url.isEmpty { return url }
        if environment["CI"] == "true" {
            throw SetupError(
                "CARES_TEST_POSTGRES_URL is not set, and under CI the PostgreSQL tests must run; "
                    + ".ci/run starts a server and sets it")
        }
        throw XCTSkip(
            "PostgreSQL tests skipped: CARES_TEST_POSTGRES_URL is not set "
                + "(e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable; .ci/postgres.sh starts a server)")
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    let base: PostgresLocation
    /// A schema of its own, so each test starts from an empty database.
    let schema: String
    private let lock = NSLock()
    private var stores: [PostgresStore] = []
    private var roles: [String] = []

    /// Creates a uniquely named schema on the test server.
    static func create() async throws -> PostgresTestServer {
        let base = try PostgresLocation(url: try url())
        let schema = "cares_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try await PostgresStore.connect(base)
        do {
            try await admin.execute(sql: "CREATE SCHEMA \(schema)")
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
        return PostgresTestServer(base: base, schema: schema)
    }

    private init(base: PostgresLocation, schema: String) {
        self.base = base
        self.schema = schema
    }

    /// The test server's location with the test schema as the search path.
    var location: PostgresLocation {
        var location = base
        location.options = "-c search_path=\(schema)"
        return location
    }

    /// The location as a URL, for the `cares` binary.
    var url: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = base.user
        components.password = base.password
        components.host = base.host
        components.port = base.port
        components.path = "/" + base.database
        components.percentEncodedQueryItems = [
            URLQueryItem(name: "sslmode", value: base.tlsMode.rawValue),
            URLQueryItem(name: "options", value: "-c%20search_path%3D\(schema)"),
        ]
        return components.string ?? ""
    }

    /// A new store on the test schema (not migrated); closed by `tearDown()`.
    func store(_ location: PostgresLocation? = nil) async throws -> PostgresStore {
        let store = try await PostgresStore.connect(location ?? self.location)
        lock.withLock { stores.append(store) }
        return store
    }

    /// Roles a test created (they belong to the whole server), dropped after the schema.
    func dropRolesAtTearDown(_ names: [String]) {
        lock.withLock { roles += names }
    }

    /// Closes every store, drops the schema and any roles the test made.
    func tearDown() async {
        let (stores, roles) = lock.withLock { (self.stores, self.roles) }
        for store in stores { await store.close() }
        if let admin = try? await PostgresStore.connect(base) {
            try? await admin.execute(sql: "DROP SCHEMA IF EXISTS \(schema) CASCADE")
            for role in roles {
                try? await admin.execute(sql: "DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)")
            }
            await admin.close()
        }
    }
}
