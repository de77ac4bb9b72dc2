import Foundation

@testable import TrainingStore

/// The owner and app roles exactly as docs/deploy-postgres.md sets them up, on a test schema.
///
/// Runs the SQL blocks the guide marks `<!-- app-role: before-migrate -->` and `after-migrate`,
/// with the roles renamed (roles belong to the whole server, so each test gets its own), `public`
/// replaced by the test schema and the database lines left out. The owner migrates; the store
/// returned connects as the app role, so a test sees what a workstation can and cannot do.
struct PostgresAppRole {
    let owner: String
    let app: String

    init(schema: String) {
        let suffix = String(schema.suffix(12))
        owner = "cares_owner_" + suffix
        app = "cares_app_" + suffix
    }

    /// The guide's statements in the block after `marker`, for this schema and these roles.
    func statements(_ marker: String, schema: String) throws -> [String] {
        let guide = try String(contentsOf: Self.guide, encoding: .utf8)
        guard let mark = guide.range(of: "<!-- app-role: \(marker) -->"),
            let open = guide.range(of: "```sql\n", range: mark.upperBound..<guide.endIndex),
            let close = guide.range(of: "```", range: open.upperBound..<guide.endIndex)
        else { throw PostgresTestServer.SetupError("docs/deploy-postgres.md has no SQL block marked app-role: \(marker)") }
        let lines = guide[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.components(separatedBy: "--")[0] }
            .filter { !$0.hasPrefix("\\") }
        return ShippedMigration.statements(lines.joined(separator: "\n")).compactMap { statement in
            if statement.hasPrefix("CREATE DATABASE") { return nil }
            var text = statement.replacingOccurrences(of: #"\s+PASSWORD\s+'[^']*'"#, with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: "cares_owner", with: owner)
            text = text.replacingOccurrences(of: "cares_app", with: app)
            return text.replacingOccurrences(of: "SCHEMA public", with: "SCHEMA \(schema)")
        }
    }

    static var guide: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/deploy-postgres.md")
    }

    /// A migrated store on `server`'s schema that connects as the app role.
    static func store(on server: PostgresTestServer) async throws -> PostgresStore {
        let roles = PostgresAppRole(schema: server.schema)
        server.dropRolesAtTearDown([roles.owner, roles.app])
        let admin = try await server.store()
        try await admin.execute(sql: try roles.statements("before-migrate", schema: server.schema).joined(separator: ";\n"))
        var owner = server.location
        owner.user = roles.owner
        owner.password = nil
        let ownerStore = try await server.store(owner)
        try await ownerStore.migrate()
        try await ownerStore.execute(sql: try roles.statements("after-migrate", schema: server.schema).joined(separator: ";\n"))
        var app = server.location
        app.user = roles.app
        app.password = nil
        let store = try await server.store(app)
        try await store.migrate()
        return store
    }
}
