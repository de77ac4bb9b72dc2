import Foundation
import XCTest

/// Configuration layers: flags > CARES_* environment > user config > system config > defaults.
final class ConfigCommandTests: XCTestCase {
    var home: URL!
    var userFile: URL { home.appendingPathComponent("config/cares/config.yaml") }
    var systemFile: URL { home.appendingPathComponent("etc/config.yaml") }

    override func setUpWithError() throws {
        home = try CaresProcess.temporaryFolder(self)
        try FileManager.default.createDirectory(at: userFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: systemFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    }

    func show(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> CaresProcess.Output {
        var env = [
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "CARES_SYSTEM_CONFIG": systemFile.path, "CARES_MODULES": "", "CARES_DATABASE": "",
        ]
        for (key, value) in environment { env[key] = value }
        return try CaresProcess.run(["config", "show"] + arguments, environment: env)
    }

    func row(_ output: CaresProcess.Output, _ setting: String) -> String {
        output.stdout.split(separator: "\n").map(String.init).first { $0.hasPrefix(setting + " ") } ?? ""
    }

    func testPrecedence() throws {
        let defaults = try show()
        XCTAssertEqual(defaults.status, 0, defaults.stderr)
        XCTAssertTrue(row(defaults, "database").contains("data/cares/cares.sqlite"), defaults.stdout)
        XCTAssertTrue(row(defaults, "database").hasSuffix("built-in default"))

        try "modules: /system/modules\ndatabase: /system/db.sqlite\n".write(to: systemFile, atomically: true, encoding: .utf8)
        let system = try show()
        XCTAssertTrue(row(system, "database").contains("/system/db.sqlite"))
        XCTAssertTrue(row(system, "database").hasSuffix("\(systemFile.path):2"), system.stdout)

        try "database: /user/db.sqlite\n".write(to: userFile, atomically: true, encoding: .utf8)
        let user = try show()
        XCTAssertTrue(row(user, "database").contains("/user/db.sqlite"))
        XCTAssertTrue(row(user, "modules").contains("/system/modules"), "unset keys fall through to the system file")

        let environment = try show(environment: ["CARES_DATABASE": "/env/db.sqlite"])
        XCTAssertTrue(row(environment, "database").contains("/env/db.sqlite"))
        XCTAssertTrue(row(environment, "database").hasSuffix("environment (CARES_DATABASE)"))

        let flag = try show(["--database", "/flag/db.sqlite"], environment: ["CARES_DATABASE": "/env/db.sqlite"])
        XCTAssertTrue(row(flag, "database").contains("/flag/db.sqlite"))
        XCTAssertTrue(row(flag, "database").hasSuffix("command line (--database)"))
    }

    func testPasswordsAreMasked() throws {
        try "database: postgres://cares_app:s3cret@db.example.org:5432/cares?sslmode=verify-full\n"
            .write(to: userFile, atomically: true, encoding: .utf8)
        let output = try show()
        XCTAssertFalse(output.stdout.contains("s3cret"))
        XCTAssertTrue(output.stdout.contains("postgres://cares_app:***@db.example.org:5432/cares"), output.stdout)
    }

    func testBadConfigFileGetsLocatedErrors() throws {
        try "database: /x.sqlite\nmodulez: /m\nremember_learner: yes\n".write(to: userFile, atomically: true, encoding: .utf8)
        let output = try show()
        XCTAssertEqual(output.status, 65)
        XCTAssertTrue(output.stderr.contains("\(userFile.path):2:1: error: unknown key 'modulez'"), output.stderr)
        XCTAssertTrue(output.stderr.contains("did you mean 'modules'?"))
        XCTAssertTrue(output.stderr.contains("\(userFile.path):3:19: error: 'remember_learner' should be true or false"))
        let list = try CaresProcess.run(
            ["list"], environment: ["XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "CARES_SYSTEM_CONFIG": systemFile.path])
        XCTAssertEqual(list.status, 65, "every command refuses a broken config")
    }

    func testConfigFileChoosesTheModulesAndDatabase() throws {
        let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
        let database = home.appendingPathComponent("from-config.sqlite").path
        try "modules: \(fixtures)\ndatabase: \(database)\nremember_learner: false\n".write(to: systemFile, atomically: true, encoding: .utf8)
        let env = [
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "CARES_SYSTEM_CONFIG": systemFile.path,
            "CARES_MODULES": "", "CARES_DATABASE": "", "CARES_LEARNER": "",
        ]
        let output = try CaresProcess.run(["take", "every-type"], input: "nm-1\n:pause\n", environment: env)
        XCTAssertTrue(output.stdout.contains("Every question type"), output.stdout + output.stderr)
        XCTAssertFalse(output.stdout.contains("Remembered for next time"), "remember_learner: false")
        XCTAssertTrue(FileManager.default.fileExists(atPath: database))
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("config/cares/learner").path))
    }

    func testAnEmptyFlagIsNamedAndNothingIsCreated() throws {
        let env = [
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "CARES_SYSTEM_CONFIG": systemFile.path, "CARES_MODULES": "", "CARES_DATABASE": "",
        ]
        let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
        for (arguments, flag) in [(["list", "--modules", fixtures, "--database", ""], "--database"), (["list", "--modules", " "], "--modules")] {
            let output = try CaresProcess.run(arguments, environment: env, directory: home)
            XCTAssertEqual(output.status, 64, output.stderr)
            XCTAssertTrue(output.stderr.contains("cares: \(flag) is empty"), output.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("data/cares/cares.sqlite").path), "no store was made")
    }
}
