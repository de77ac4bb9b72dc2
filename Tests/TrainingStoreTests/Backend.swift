import Foundation
import Testing

@testable import TrainingStore

/// A backend the conformance suite runs against.
enum Backend: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres
    /// PostgreSQL as the application role of docs/deploy-postgres.md, after the owner migrated.
    case postgresAppRole = "postgres-app-role"

    var testDescription: String { rawValue }

    /// SQLite always; PostgreSQL when `CARES_TEST_POSTGRES_URL` is set, and always under `CI=true`,
    /// where a missing server fails the PostgreSQL runs instead of leaving them out.
    static var all: [Backend] {
        let environment = ProcessInfo.processInfo.environment
        let configured = !(environment["CARES_TEST_POSTGRES_URL"] ?? "").isEmpty
        return configured || environment["CI"] == "true" ? [.sqlite, .postgres, .postgresAppRole] : [.sqlite]
    }

    /// Runs `body` with a source of new, migrated stores of this backend; closes them and removes
    /// their files or schemas afterwards, whether `body` succeeds or fails.
    func run(_ body: (TestStores) async throws -> Void) async throws {
        let stores = TestStores(self)
        do {
            try await body(stores)
        } catch {
            await stores.tearDown()
            throw error
        }
        await stores.tearDown()
    }
}

/// The stores one conformance test opens: each new and empty (a file or a schema of its own).
final class TestStores: @unchecked Sendable {
    let backend: Backend
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cares-store-\(UUID().uuidString)")
    private var servers: [PostgresTestServer] = []
    private var stores: [any CompletionStore] = []

    init(_ backend: Backend) { self.backend = backend }

    /// A new, empty store with its schema in place.
    func fresh() async throws -> any CompletionStore {
        let store: any CompletionStore
        switch backend {
        case .sqlite:
            store = try SQLiteStore(path: folder.appendingPathComponent("records-\(stores.count).sqlite").path)
        case .postgres:
            let server = try await PostgresTestServer.create()
            servers.append(server)
            store = try await server.store()
        case .postgresAppRole:
            let server = try await PostgresTestServer.create()
            servers.append(server)
            store = try await PostgresAppRole.store(on: server)
        }
        stores.append(store)
        try await store.migrate()
        return store
    }

    func tearDown() async {
        for store in stores { await store.close() }
        for server in servers { await server.tearDown() }
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Says why the PostgreSQL runs of the conformance suite are left out, when they are.
@Test(.enabled(if: Backend.all.contains(.postgres), "CARES_TEST_POSTGRES_URL is not set: PostgreSQL conformance runs left out"))
func postgresConformanceRuns() {}
