import Foundation
import XCTest

@testable import TrainingStore

/// A fresh schema on the server of `CARES_TEST_POSTGRES_URL`, and its URL for the `cares` binary.
///
/// Unset, the tests skip with a message; under CI (`CI=true`) they fail instead.
struct PostgresTestSchema {
    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    let base: PostgresLocation
    let name: String

    /// Creates the schema; it is dropped when the test ends.
    static func create(_ test: XCTestCase) async throws -> PostgresTestSchema {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CARES_TEST_POSTGRES_URL"], !url.isEmpty else {
            if environment["CI"] == "true" {
                throw SetupError(description: "CARES_TEST_POSTGRES_URL is not set, and under CI the PostgreSQL tests must run")
            }
            throw XCTSkip("PostgreSQL end-to-end tests skipped: CARES_TEST_POSTGRES_URL is not set")
        }
        let base = try PostgresLocation(url: url)
        let name = "cares_e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try await PostgresStore.connect(base)
        do {
            try await admin.execute(sql: "CREATE SCHEMA \(name)")
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
        test.addTeardownBlock {
            if let admin = try? await PostgresStore.connect(base) {
                try? await admin.execute(sql: "DROP SCHEMA IF EXISTS \(name) CASCADE")
                await admin.close()
            }
        }
        return PostgresTestSchema(base: base, name: name)
    }

    /// The URL of the schema, with `password` in it when given (the test server trusts local logins).
    func url(password: String? = nil) -> String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = base.user
        components.password = password ?? base.password
        components.host = base.host
        components.port = base.port
        components.path = "/" + base.database
        components.percentEncodedQueryItems = [
            URLQueryItem(name: "sslmode", value: base.tlsMode.rawValue),
            URLQueryItem(name: "options", value: "-c%20search_path%3D\(name)"),
        ]
        return components.string ?? ""
    }

    /// The URL of the schema for another login `user` (the test server trusts local logins), with an `application_name`.
    func url(user: String, applicationName: String) -> String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.host = base.host
        components.port = base.port
        components.path = "/" + base.database
        components.percentEncodedQueryItems = [
            URLQueryItem(name: "sslmode", value: base.tlsMode.rawValue),
            URLQueryItem(name: "options", value: "-c%20search_path%3D\(name)"),
            URLQueryItem(name: "application_name", value: applicationName),
        ]
        return components.string ?? ""
    }

    /// A store on the server as the test's login, with the schema as its search path, not migrated; close it when done.
    func adminStore() async throws -> PostgresStore {
        var location = base
        location.options = "-c search_path=\(name)"
        return try await PostgresStore.connect(location)
    }

    /// A migrated store on the schema; close it when done.
    func store() async throws -> PostgresStore {
        var location = base
        location.options = "-c search_path=\(name)"
        let store = try await PostgresStore.connect(location)
        try await store.migrate()
        return store
    }
}
