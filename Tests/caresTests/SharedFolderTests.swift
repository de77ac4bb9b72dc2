import Foundation
import TrainingKit
import XCTest

/// The documented shared SQLite folder (#18 item 4): a setgid folder (`chmod 2770`) owned by a
/// group; the first member's cares creates the store 0660 in that group, and every other member can
/// take modules and run reports in it. Two throw-away OS users go through one store.
///
/// Needs root and `useradd`; skipped without them, except under `CI=true` (CI runs as root).
final class SharedFolderTests: XCTestCase {
    static let fixtures = TakeCommandTests.fixtures

    func shell(_ command: String) throws -> CaresProcess.Output {
        try CaresProcess.runShell(command)
    }

    func testTwoUsersShareAStoreInASetgidFolder() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd"),
            FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
        else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                return XCTFail("under CI=true this test must run: it needs root, useradd and runuser")
            }
            throw XCTSkip("needs root, useradd and runuser to create two throw-away OS users")
        }
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let group = "caresg\(tag)", users = ["caresa\(tag)", "caresb\(tag)"]
        XCTAssertEqual(try shell("groupadd \(group)").status, 0)
        addTeardownBlock { _ = try? CaresProcess.runShell("groupdel \(group)") }
        for user in users {
            let added = try shell("useradd -M -N -g \(group) -s /bin/sh \(user)")
            XCTAssertEqual(added.status, 0, added.stderr)
            addTeardownBlock { _ = try? CaresProcess.runShell("userdel \(user)") }
        }

        // Everything the users run lives in a folder they can read: the binary and the modules.
        let root = URL(fileURLWithPath: "/tmp/cares-shared-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let binary = root.appendingPathComponent("cares").path
        let modules = root.appendingPathComponent("modules").path
        try FileManager.default.copyItem(atPath: CaresProcess.binary.path, toPath: binary)
        try FileManager.default.copyItem(atPath: Self.fixtures, toPath: modules)
        XCTAssertEqual(try shell("chmod -R a+rX \(root.path) && chmod 0755 \(binary)").status, 0)
        let shared = root.appendingPathComponent("shared").path
        XCTAssertEqual(try shell("mkdir \(shared) && chgrp \(group) \(shared) && chmod 2770 \(shared)").status, 0)
        let database = shared + "/training.sqlite"

        let set = ModuleCatalog().load(paths: [Self.fixtures])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        func cares(as user: String, _ arguments: String, input: [String] = []) throws -> CaresProcess.Output {
            let home = root.appendingPathComponent("home-\(user)").path
            let answers = root.appendingPathComponent("answers-\(user)-\(UUID().uuidString.prefix(4))").path
            try Data((input.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: answers))
            _ = try shell("mkdir -p \(home) && chown \(user) \(home) && chmod 0700 \(home) && chmod 0644 \(answers)")
            return try shell(
                "cd \(root.path) && runuser -u \(user) -- env -i PATH=/usr/bin:/bin HOME=\(home) XDG_CONFIG_HOME=\(home)/c "
                    + "XDG_DATA_HOME=\(home)/d NO_COLOR=1 \(binary) \(arguments) --database \(database) --modules \(modules) < \(answers)")
        }

        for (index, user) in users.enumerated() {
            let seed = UInt64(index + 1)
            let lines = AnswerScript(module: module, seed: seed).lines(AnswerScript.right)
            let taken = try cares(as: user, "take every-type --learner \(user) --seed \(seed)", input: lines)
            XCTAssertEqual(taken.status, 0, "\(user): \(taken.stderr)")
            XCTAssertTrue(taken.stdout.contains("PASSED"), "\(user): \(taken.stdout.suffix(400))")
        }
        let report = try cares(as: users[1], "report completions --format csv")
        XCTAssertEqual(report.status, 0, report.stderr)
        for user in users { XCTAssertTrue(report.stdout.contains(user), report.stdout) }

        let attributes = try FileManager.default.attributesOfItem(atPath: database)
        XCTAssertEqual((attributes[.posixPermissions] as? Int), 0o660, "the store is group-writable in a setgid folder")
        XCTAssertEqual(attributes[.groupOwnerAccountName] as? String, group, "the store takes the folder's group")
    }

    /// Outside a setgid folder the store stays owner-only.
    func testAStoreInAnOrdinaryFolderIsOwnerOnly() throws {
        let folder = try CaresProcess.temporaryFolder(self)
        let database = folder.appendingPathComponent("new/cares.sqlite").path
        let output = try CaresProcess.run(["learners", "list", "--database", database])
        XCTAssertEqual(output.status, 0, output.stderr)
        let mode = try FileManager.default.attributesOfItem(atPath: database)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("new").path)[.posixPermissions] as? Int
        XCTAssertEqual(folderMode, 0o700)
    }
}
