import Foundation
import Testing

@testable import TrainingStore

@Suite struct StoreLocationTests {
    @Test func aPathIsSQLiteAndAURLIsPostgreSQL() throws {
        #expect(try StoreLocation("/var/lib/cares/records.sqlite") == .sqlite(path: "/var/lib/cares/records.sqlite"))
        #expect(try StoreLocation("records.sqlite").capabilities == [.localFile, .onlineBackup, .integrityCheck])
        let server = try StoreLocation("postgresql://cares:s3cret@db.example.org/cares?sslmode=verify-full")
        #expect(server.capabilities == [.shared])
        #expect(server.exists)
        #expect(server.description == "postgres://cares:***@db.example.org:5432/cares?sslmode=verify-full")
        #expect(!server.description.contains("s3cret"))
    }

    @Test func otherSchemesAreRefusedWithThePasswordMasked() {
        #expect(throws: StoreError.unsupported(
            "cannot use the record store mysql://root:***@db/cares: 'mysql' databases are not supported")
        ) {
            try StoreLocation("mysql://root:hunter2@db/cares")
        }
        #expect(StoreLocation.describe("postgres://u:hunter2@") == "postgres://u:***@")
        #expect(StoreLocation.describe("/tmp/x.sqlite") == "/tmp/x.sqlite")
    }

    @Test func statementsAreWrittenOnceAndRenderedPerDialect() {
        let sql = SQL("SELECT id FROM attempts WHERE a = ? AND b = '?' ORDER BY id{C}, {seq}{FOR UPDATE}")
        #expect(sql.sqlite == "SELECT id FROM attempts WHERE a = ? AND b = '?' ORDER BY id, rowid")
        #expect(sql.postgres == "SELECT id FROM attempts WHERE a = $1 AND b = '?' ORDER BY id COLLATE \"C\", seq FOR UPDATE")
        #expect(Statements.insertAttempt.postgres.contains("$16) ON CONFLICT"))
    }
}
