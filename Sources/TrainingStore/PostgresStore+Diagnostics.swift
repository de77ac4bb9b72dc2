import Foundation
import PostgresNIO

extension PostgresStore {
    /// Runs SQL statements (separated by `;`) outside the store's API in one transaction; tests use
    /// it to create schemas and fake other versions.
    func execute(sql: String) async throws {
        let statements = Migration(version: 0, name: "", sql: sql).statements
        try await transaction { connection in
            for statement in statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
            }
        }
    }
}
