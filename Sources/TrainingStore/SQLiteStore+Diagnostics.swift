import Foundation
import GRDB

extension SQLiteStore {
    /// The number of migrations applied to the database, including any this build does not know.
    public func schemaVersion() async throws -> Int {
        try await read { db in try Self.migrator.appliedIdentifiers(db).count }
    }

    /// The rows of `PRAGMA integrity_check`: `["ok"]` when the file is sound.
    public func integrityCheck() async throws -> [String] {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// The value of a setting such as `journal_mode` or `synchronous`, as text.
    func pragma(_ name: String) async throws -> String? {
        guard name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    /// Runs SQL outside the store's API in one transaction; tests use it to fake other versions.
    func execute(sql: String) async throws {
        try await write { db in try db.execute(sql: sql) }
    }
}
