import Foundation
import PostgresNIO

extension PostgresStore {
    /// The tables the latest schema has.
    static let expectedTables = [
        "schema_migrations", "learners", "module_versions", "attempts", "responses", "audit_events", "certificates",
    ]

    /// Missing tables and a schema version other than this build's; empty when both are fine.
    public func integrityProblems() async throws -> [String] {
        try await withConnection { connection in
            var problems: [String] = []
            for table in Self.expectedTables {
                let present = try await Self.all(
                    "SELECT to_regclass(\(table)) IS NOT NULL AS present", on: connection, logger: self.logger
                ) { row in try row["present"].decode(Bool.self) }
                if present.first != true { problems.append("table \(table) is missing") }
            }
            let version = try await Self.appliedVersions(on: connection, logger: self.logger).count
            if version != Self.latestSchemaVersion {
                problems.append(SQLiteStore.schemaProblem(version: version, latest: Self.latestSchemaVersion))
            }
            return problems
        }
    }
}
