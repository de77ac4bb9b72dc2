import Foundation
import TrainingKit
import TrainingStore
import XCTest

/// A read-only database folder and a full disk give a clear error, and the attempt stays resumable.
final class StoreFaultTests: XCTestCase {
    static let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
    var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    func module() throws -> Module {
        let set = ModuleCatalog().load(paths: [Self.fixtures])
        return try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
    }

    /// Runs a shell command; returns its exit status.
    @discardableResult
    func shell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Root ignores file modes, so the read-only case runs cares as `nobody` (setpriv).
    func testReadOnlyDatabaseFolderGivesAClearErrorAndStaysResumable() throws {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            if isCI { XCTFail("CI runs as root with setpriv; this test must run there") }
            throw XCTSkip("needs root and setpriv to run cares as an unprivileged user")
        }
        let home = try CaresProcess.temporaryFolder(self)
        try shell("chmod 0755 '\(home.path)'")
        let folder = home.appendingPathComponent("store")
        let database = folder.appendingPathComponent("cares.sqlite").path
        let script = AnswerScript(module: try module(), seed: 5)
        let lines = script.lines(AnswerScript.right)
        func asNobody(_ arguments: [String], _ input: [String]) throws -> CaresProcess.Output {
            let inputFile = home.appendingPathComponent("input-\(UUID().uuidString)")
            try (input.joined(separator: "\n") + "\n").write(to: inputFile, atomically: true, encoding: .utf8)
            try shell("chmod 0644 '\(inputFile.path)'")
            let quoted = ([CaresProcess.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            return try CaresProcess.runShell(
                "setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME='\(home.path)' XDG_CONFIG_HOME='\(home.path)/config' \(quoted) < '\(inputFile.path)'")
        }
        try shell("mkdir -p '\(folder.path)' '\(home.path)/config' && chown -R nobody:nogroup '\(folder.path)' '\(home.path)/config'")
        let arguments = ["take", "every-type", "--modules", Self.fixtures, "--database", database, "--learner", "rn-9", "--seed", "5"]
        let first = try asNobody(arguments, Array(lines.prefix(2 + 4)))
        XCTAssertEqual(first.status, 0, first.stderr)

        try shell("chmod 0500 '\(folder.path)' && chmod 0400 '\(database)'")
        let blocked = try asNobody(arguments, Array(lines.dropFirst(2 + 4)))
        XCTAssertEqual(blocked.status, 74, blocked.stdout + blocked.stderr)
        XCTAssertTrue(blocked.stderr.hasPrefix("cares: "), blocked.stderr)
        XCTAssertTrue(blocked.stderr.contains(database), "the message names the file: \(blocked.stderr)")
        XCTAssertFalse(blocked.stderr.contains("Fatal error"), blocked.stderr)

        try shell("chmod 0700 '\(folder.path)' && chmod 0600 '\(database)'")
        let resumed = try asNobody(
            ["resume", "--modules", Self.fixtures, "--database", database, "--learner", "rn-9"], Array(lines.dropFirst(2 + 4)))
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("continuing at question 3 of"), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains("· PASSED"))
    }

    /// A full disk (a small tmpfs filled up) stops with a clear error; freeing space lets the learner resume.
    func testFullDiskGivesAClearErrorAndStaysResumable() async throws {
        let home = try CaresProcess.temporaryFolder(self)
        let mountPoint = home.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        guard try shell("mount -t tmpfs -o size=2m tmpfs '\(mountPoint.path)'") == 0 else {
            if isCI { XCTFail("CI runs as root and must be able to mount a small tmpfs") }
            throw XCTSkip("needs root to mount a small tmpfs as a full disk")
        }
        addTeardownBlock { [self] in _ = try? shell("umount '\(mountPoint.path)'") }
        let database = mountPoint.appendingPathComponent("cares.sqlite").path
        let script = AnswerScript(module: try module(), seed: 6)
        let lines = script.lines(AnswerScript.right)
        let arguments = ["--modules", Self.fixtures, "--database", database, "--learner", "rn-8"]
        let env = ["XDG_CONFIG_HOME": home.path + "/config"]
        let first = try CaresProcess.run(["take", "every-type", "--seed", "6"] + arguments, input: Array(lines.prefix(2 + 4)).joined(separator: "\n") + "\n", environment: env)
        XCTAssertEqual(first.status, 0, first.stderr)

        // Fold the WAL into the database so the next answer needs new space, then fill the disk.
        try shell("sqlite3 '\(database)' 'PRAGMA wal_checkpoint(TRUNCATE);'")
        try shell("dd if=/dev/zero of='\(mountPoint.path)/filler' bs=4k 2>/dev/null; sync")
        let full = try CaresProcess.run(["resume"] + arguments, input: Array(lines.dropFirst(2 + 4)).joined(separator: "\n") + "\n", environment: env)
        XCTAssertEqual(full.status, 74, full.stdout + full.stderr)
        XCTAssertTrue(full.stderr.hasPrefix("cares: "), full.stderr)
        XCTAssertFalse(full.stderr.contains("Fatal error"), full.stderr)

        try shell("rm -f '\(mountPoint.path)/filler'")
        let store = try SQLiteStore(path: database)
        try await store.migrate()
        let open = try await store.inProgressAttempts(learnerID: "rn-8")
        let attempt = try XCTUnwrap(open.first)
        let saved = try await store.responses(attemptID: attempt.id).count
        XCTAssertGreaterThanOrEqual(saved, 2, "the answers given before the disk filled are kept")
        let integrity = try await store.integrityCheck()
        XCTAssertEqual(integrity, ["ok"])
        let remaining = Array(lines.dropFirst(2 + 2 * saved))
        let resumed = try CaresProcess.run(["resume"] + arguments, input: remaining.joined(separator: "\n") + "\n", environment: env)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("continuing at question \(saved + 1) of"), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains("· PASSED"), resumed.stdout)
    }

    /// A backup onto a full disk says so (not "SQLite error 13: not an error"), names the file, and
    /// leaves nothing half-written behind.
    func testBackupOntoAFullDiskSaysTheDiskIsFull() throws {
        let home = try CaresProcess.temporaryFolder(self)
        let mountPoint = home.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        guard try shell("mount -t tmpfs -o size=1m tmpfs '\(mountPoint.path)'") == 0 else {
            if isCI { XCTFail("CI runs as root and must be able to mount a small tmpfs") }
            throw XCTSkip("needs root to mount a small tmpfs as a full disk")
        }
        addTeardownBlock { [self] in _ = try? shell("umount '\(mountPoint.path)'") }
        let database = home.appendingPathComponent("cares.sqlite").path
        let env = ["XDG_CONFIG_HOME": home.path + "/config"]
        let created = try CaresProcess.run(["db", "migrate", "--database", database], environment: env)
        XCTAssertEqual(created.status, 0, created.stderr)
        // Make the store bigger than the small disk.
        XCTAssertEqual(
            try shell(
                "sqlite3 '\(database)' \"CREATE TABLE padding(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                    + "INSERT INTO padding SELECT randomblob(1000) FROM n; PRAGMA wal_checkpoint(TRUNCATE);\""), 0)
        let destination = mountPoint.appendingPathComponent("backup.sqlite").path
        let backup = try CaresProcess.run(["db", "backup", destination, "--database", database], environment: env)
        XCTAssertEqual(backup.status, 74, backup.stdout + backup.stderr)
        XCTAssertTrue(backup.stderr.contains("the disk is full"), backup.stderr)
        XCTAssertTrue(backup.stderr.contains(destination), backup.stderr)
        XCTAssertFalse(backup.stderr.contains("not an error"), backup.stderr)
        let left = try FileManager.default.contentsOfDirectory(atPath: mountPoint.path)
        XCTAssertEqual(left, [], "nothing half-written is left behind")
    }
}
