import Foundation
import GRDB

extension SQLiteStore {
    /// The snapshot of this module version most recently recorded (the latest content hash seen).
    public func moduleSnapshot(moduleID: String, version: String) async throws -> ModuleSnapshot? {
        try await read { db in
            // Rows are never deleted, so the largest rowid is the latest insert.
            try Row.fetchOne(
                db,
                sql: """
                    SELECT \(Self.moduleColumns) FROM module_versions
                    WHERE module_id = ? AND version = ? ORDER BY rowid DESC LIMIT 1
                    """,
                arguments: [moduleID, version]
            ).map(self.module(from:))
        }
    }

    /// Records `module` unless this id, version and hash are already there.
    static func insertModuleIfAbsent(_ module: ModuleSnapshot, at date: Date, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO module_versions (\(moduleColumns), recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (module_id, version, content_hash) DO NOTHING
                """,
            arguments: [
                module.moduleID, module.version, module.title, module.contentHash, module.passMark,
                module.validForDays, module.maxAttempts, StoredDate.text(date),
            ])
    }
}
