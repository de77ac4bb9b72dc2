import Foundation
import TrainingStore

/// The work behind `cares db backup` and `cares db check`.
struct StoreMaintenance {
    let location: String

    /// Backs up a store that can copy itself online (SQLite) into a new file; others are backed up
    /// with their own tools (PostgreSQL: pg_dump).
    func backup(to destination: String) async throws -> String {
        let place = try StoreOpener.parse(location)
        guard place.capabilities.contains(.onlineBackup) else {
            throw CaresFailure(
                message: "cares db backup copies SQLite files; back up a PostgreSQL store with pg_dump",
                hint: "See \"Backups\" in docs/deploy-postgres.md (pg_dump --format=custom, restored with pg_restore).",
                exitCode: 64)
        }
        guard place.exists else {
            throw CaresFailure.refused("there is no record store at \(DiagnosticPrinter.printable(location))")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw CaresFailure.refused(
                "\(DiagnosticPrinter.printable(destination)) already exists; cares will not overwrite it",
                hint: "Name a new file, or move the old backup away first.")
        }
        do {
            try await StoreOpener.withStore(location, migrate: false) { store in try await store.backup(to: destination) }
        } catch let error as StoreError {
            // A backup that could not be written (a full disk, an unwritable folder) is an I/O failure.
            throw CaresFailure(message: error.description, hint: nil, exitCode: 74)
        }
        let counts = try? await StoreOpener.withStore(destination, migrate: false) { copy in
            ((try? await copy.learners().count) ?? 0, (try? await copy.attemptPage(after: nil, limit: 1_000_000_000).count) ?? 0)
        }
        let (learners, attempts) = counts ?? (0, 0)
        return "Backed up \(DiagnosticPrinter.printable(location)) to \(DiagnosticPrinter.printable(destination)): "
            + "\(learners) learners, \(attempts) attempts. Check it with `cares db check --database \(DiagnosticPrinter.printable(destination))`."
    }

    /// The store's problems, or a line saying it is sound; throws a refusal (exit 1) listing problems.
    func check() async throws -> String {
        let place = try StoreOpener.parse(location)
        guard place.exists else {
            throw CaresFailure.refused("there is no record store at \(DiagnosticPrinter.printable(location))")
        }
        let name = StoreOpener.describe(location)
        let checksFile = place.capabilities.contains(.integrityCheck)
        let problems: [String]
        let version: Int?
        do {
            (problems, version) = try await StoreOpener.withStore(location, migrate: false) { store in
                (try await store.integrityProblems(), try? await store.schemaVersion())
            }
        } catch let failure as CaresFailure where checksFile {
            throw CaresFailure.refused("the record store \(DiagnosticPrinter.printable(name)) is damaged: \(failure.message)")
        }
        let versionText = version.map { "schema version \($0)" } ?? "schema version unknown"
        guard problems.isEmpty else {
            let lines = problems.prefix(50).map { "  " + DiagnosticPrinter.printable($0) }
            let more = problems.count > 50 ? ["  … and \(problems.count - 50) more"] : []
            throw CaresFailure.refused(
                (["The record store \(DiagnosticPrinter.printable(name)) has problems (\(versionText)):"] + lines + more)
                    .joined(separator: "\n"),
                hint: checksFile
                    ? "Restore the latest good backup (see docs/operations.md), or run `cares db migrate` if the schema is old."
                    : "Run `cares db migrate` as the database owner if tables or migrations are missing.")
        }
        return "The record store \(DiagnosticPrinter.printable(name)) is sound: \(versionText), "
            + (checksFile ? "integrity check ok." : "every table present.")
    }
}
