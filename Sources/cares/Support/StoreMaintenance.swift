import Foundation
import TrainingStore

/// The work behind `cares db backup` and `cares db check`.
struct StoreMaintenance {
    let location: String

    /// Backs up a SQLite store into a new file; a PostgreSQL store is backed up with pg_dump.
    func backup(to destination: String) async throws -> String {
        if PostgresLocation.isURL(location) {
            throw CaresFailure(
                message: "cares db backup copies SQLite files; back up a PostgreSQL store with pg_dump",
                hint: "See \"Backups\" in docs/deploy-postgres.md (pg_dump --format=custom, restored with pg_restore).",
                exitCode: 64)
        }
        guard FileManager.default.fileExists(atPath: location) else {
            throw CaresFailure.refused("there is no record store at \(DiagnosticPrinter.printable(location))")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw CaresFailure.refused(
                "\(DiagnosticPrinter.printable(destination)) already exists; cares will not overwrite it",
                hint: "Name a new file, or move the old backup away first.")
        }
        let store = try await StoreOpener.open(location, migrate: false)
        do {
            guard let sqlite = store as? SQLiteStore else {
                throw CaresFailure(message: "only a SQLite store can be backed up this way", hint: nil, exitCode: 64)
            }
            try await sqlite.backup(to: destination)
            await store.close()
        } catch let error as StoreError {
            await store.close()
            // A backup that could not be written (a full disk, an unwritable folder) is an I/O failure.
            throw CaresFailure(message: error.description, hint: nil, exitCode: 74)
        } catch {
            await store.close()
            throw error
        }
        let copy = try SQLiteStore(path: destination)
        let learners = (try? await copy.learners().count) ?? 0
        let attempts = (try? await copy.attemptPage(after: nil, limit: 1_000_000_000).count) ?? 0
        await copy.close()
        return "Backed up \(DiagnosticPrinter.printable(location)) to \(DiagnosticPrinter.printable(destination)): "
            + "\(learners) learners, \(attempts) attempts. Check it with `cares db check --database \(DiagnosticPrinter.printable(destination))`."
    }

    /// The store's problems, or a line saying it is sound; throws a refusal (exit 1) listing problems.
    func check() async throws -> String {
        let isURL = PostgresLocation.isURL(location)
        if !isURL && !FileManager.default.fileExists(atPath: location) {
            throw CaresFailure.refused("there is no record store at \(DiagnosticPrinter.printable(location))")
        }
        let name = StoreOpener.describe(location)
        let store: any CompletionStore
        do {
            store = try await StoreOpener.open(location, migrate: false)
        } catch let failure as CaresFailure where !isURL {
            throw CaresFailure.refused("the record store \(DiagnosticPrinter.printable(name)) is damaged: \(failure.message)")
        }
        let problems: [String]
        let version: Int?
        do {
            problems = try await store.integrityProblems()
            version = try? await store.schemaVersion()
            await store.close()
        } catch {
            await store.close()
            throw error
        }
        let versionText = version.map { "schema version \($0)" } ?? "schema version unknown"
        guard problems.isEmpty else {
            let lines = problems.prefix(50).map { "  " + DiagnosticPrinter.printable($0) }
            let more = problems.count > 50 ? ["  … and \(problems.count - 50) more"] : []
            throw CaresFailure.refused(
                (["The record store \(DiagnosticPrinter.printable(name)) has problems (\(versionText)):"] + lines + more)
                    .joined(separator: "\n"),
                hint: isURL ? "Run `cares db migrate` as the database owner if tables or migrations are missing."
                    : "Restore the latest good backup (see docs/operations.md), or run `cares db migrate` if the schema is old.")
        }
        return "The record store \(DiagnosticPrinter.printable(name)) is sound: \(versionText), "
            + (isURL ? "every table present." : "integrity check ok.")
    }
}
