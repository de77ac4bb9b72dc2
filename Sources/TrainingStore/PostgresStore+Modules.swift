import Foundation
import PostgresNIO

extension PostgresStore {
    /// The snapshot of this module version most recently recorded (the latest content hash seen).
    public func moduleSnapshot(moduleID: String, version: String) async throws -> ModuleSnapshot? {
        try await withConnection { connection in
            try await Self.all(
                """
                SELECT \(unescaped: Self.moduleColumns) FROM module_versions
                WHERE module_id = \(moduleID) AND version = \(version) ORDER BY seq DESC LIMIT 1
                """, on: connection, logger: self.logger, Self.module(from:)
            ).first
        }
    }

    /// Records `module` unless this id, version and hash are already there; returns whether it was inserted.
    @discardableResult
    static func insertModuleIfAbsent(
        _ module: ModuleSnapshot, at date: Date, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        try await count(
            """
            INSERT INTO module_versions (\(unescaped: moduleColumns), recorded_at)
            VALUES (\(module.moduleID), \(module.version), \(module.title), \(module.contentHash), \(module.passMark),
                \(module.validForDays), \(module.maxAttempts), \(stored(date)))
            ON CONFLICT (module_id, version, content_hash) DO NOTHING
            RETURNING module_id
            """, on: connection, logger: logger) > 0
    }
}
