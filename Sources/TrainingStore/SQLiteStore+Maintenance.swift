import Foundation
import GRDB

extension SQLiteStore {
    /// The schema version this build creates.
    public static var latestSchemaVersion: Int { migrator.migrations.count }

    /// Problems found by `PRAGMA integrity_check` and in the schema version; empty when the file is sound.
    public func integrityProblems() async throws -> [String] {
        var problems: [String] = []
        do {
            let rows = try await integrityCheck()
            if rows != ["ok"] { problems += rows.map { "integrity check: \($0)" } }
        } catch {
            problems.append("integrity check could not run: \(error)")
        }
        do {
            let version = try await schemaVersion()
            if version != Self.latestSchemaVersion {
                problems.append(Self.schemaProblem(version: version, latest: Self.latestSchemaVersion))
            }
        } catch {
            problems.append("the schema version cannot be read: \(error)")
        }
        return problems
    }

    /// What a schema version other than `latest` means, for `integrityProblems()`.
    static func schemaProblem(version: Int, latest: Int) -> String {
        version < latest
            ? "schema version \(version) is older than this cares's \(latest); run `cares db migrate`"
            : "schema version \(version) is newer than this cares's \(latest); upgrade cares"
    }

    /// Copies the whole database into a new file at `destination` (created 0600) with SQLite's
    /// online backup API: one consistent snapshot, even while other processes are writing.
    ///
    /// Refuses a destination that exists; a failed backup leaves no file behind.
    public func backup(to destination: String) async throws {
        let code = createNewFile(destination)
        if code != 0 {
            if code == EEXIST { throw StoreError.unavailable("\(destination) already exists; cares will not overwrite it") }
            throw StoreError.unavailable("cannot create the backup \(destination): \(String(cString: strerror(code)))")
        }
        do {
            let target = try DatabaseQueue(path: destination)
            try queue.backup(to: target)
            try target.close()
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: destination + suffix) }
            throw StoreError.unavailable(
                "cannot back up \(path) to \(destination): \(Self.backupFailure(error)); nothing was left at \(destination)")
        }
    }
}

/// Creates an empty file at `path` with mode 0600, failing if anything is there; returns 0 or the errno.
private func createNewFile(_ path: String) -> Int32 {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else { return errno }
    close(descriptor)
    return 0
}
