import Foundation
import TrainingKit
import XCTest

@testable import TrainingStore

/// Coordinator commands as the application role of docs/deploy-postgres.md (#18 item 3): the owner
/// migrates with `cares db migrate`; everything else, erasure included, runs as the app role with
/// exactly the grants the guide shows.
final class PostgresAppRoleCommandTests: XCTestCase {
    static let fixtures = TakeCommandTests.fixtures
    var home: URL!

    override func setUpWithError() throws {
        home = try CaresProcess.temporaryFolder(self)
    }

    var environment: [String: String] {
        [
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data-home").path,
            "CARES_LEARNER": "", "CARES_DATABASE": "", "CARES_MODULES": "", "PGPASSWORD": "",
        ]
    }

    func testCoordinatorCommandsAndErasureWorkAsTheAppRole() async throws {
        let schema = try await PostgresTestSchema.create(self)
        let suffix = String(schema.name.suffix(12))
        let (owner, app) = ("cares_owner_" + suffix, "cares_app_" + suffix)
        let admin = try await schema.adminStore()
        addTeardownBlock {
            try? await admin.execute(sql: "DROP SCHEMA IF EXISTS \(schema.name) CASCADE")
            try? await admin.execute(sql: "DROP OWNED BY \(owner), \(app); DROP ROLE IF EXISTS \(owner), \(app)")
            await admin.close()
        }
        let rename = { (sql: String) in
            sql.replacingOccurrences(of: "cares_owner", with: owner).replacingOccurrences(of: "cares_app", with: app)
                .replacingOccurrences(of: "SCHEMA public", with: "SCHEMA \(schema.name)")
        }
        try await admin.execute(sql: rename(try Self.guideSQL("before-migrate")))
        let ownerURL = schema.url(user: owner, applicationName: "cares-owner")
        let appURL = schema.url(user: app, applicationName: "cares-app")
        func cares(_ arguments: [String], _ lines: [String] = [], database: String = appURL) throws -> CaresProcess.Output {
            let modules = arguments.first == "db" || arguments.contains("--modules") ? [] : ["--modules", Self.fixtures]
            return try CaresProcess.run(
                arguments + modules + ["--database", database], input: lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n",
                environment: environment)
        }
        let migrated = try cares(["db", "migrate"], database: ownerURL)
        XCTAssertEqual(migrated.status, 0, migrated.stderr)
        try await admin.execute(sql: rename(try Self.guideSQL("after-migrate")))

        let roster = home.appendingPathComponent("roster.csv")
        try "id,name,email,department,role\nrn-1,Ana Lima,ana.lima@example.org,Emergency,RN\nrn-2,Ben Okafor,,Emergency,RN\n"
            .write(to: roster, atomically: true, encoding: .utf8)
        var output = try cares(["learners", "import", roster.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        let set = ModuleCatalog().load(paths: [Self.fixtures])
        let module = try XCTUnwrap(set.module(id: "every-type")).fillingPlaceholders(set.site?.facts ?? [:])
        for (learner, seed) in [("rn-1", 1), ("rn-2", 2)] {
            let script = AnswerScript(module: module, seed: UInt64(seed))
            output = try cares(
                ["take", "every-type", "--modules", Self.fixtures, "--learner", learner, "--seed", String(seed)],
                script.lines(AnswerScript.right))
            XCTAssertEqual(output.status, 0, output.stderr)
        }
        output = try cares(["attempts", "grant", "--modules", Self.fixtures, "--learner", "rn-2", "--module", "every-type", "--reason", "Fire alarm"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let store = try await schema.store()
        let attempt = try await XCTUnwrapAsync(try await store.attempts(learnerID: "rn-2", moduleID: "every-type").first)
        await store.close()
        output = try cares(["certificate", "--modules", Self.fixtures, "--module", "every-type", "--learner", "rn-2", "--output", "-"])
        XCTAssertEqual(output.status, 0, output.stderr)
        output = try cares(["attempts", "void", attempt.id.uuidString, "--modules", Self.fixtures, "--reason", "Someone else took it"])
        XCTAssertEqual(output.status, 0, output.stderr)
        output = try cares(["learners", "deactivate", "rn-2"])
        XCTAssertEqual(output.status, 0, output.stderr)
        output = try cares(["report", "completions", "--modules", Self.fixtures, "--format", "csv"])
        XCTAssertEqual(output.status, 0, output.stderr)

        output = try cares(["learners", "remove", "rn-1", "--erase", "--reason", "Left the trust; asked for erasure"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("erased-"), output.stdout)
        let list = try cares(["learners", "list", "--format", "csv"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertFalse(list.stdout.contains("Ana Lima"), list.stdout)

        // The app role still cannot change the schema.
        let app_ = try await PostgresStore.connect(try PostgresLocation(url: appURL))
        do {
            try await app_.execute(sql: "DROP TABLE responses")
            XCTFail("the app role must not drop tables")
        } catch let error as StoreError {
            XCTAssertTrue(error.description.contains("lacks a permission"), error.description)
        }
        await app_.close()
    }

    /// The guide's SQL block marked `<!-- app-role: marker -->`, without its database lines.
    static func guideSQL(_ marker: String) throws -> String {
        let guide = try String(
            contentsOf: CaresProcess.repositoryRoot.appendingPathComponent("docs/deploy-postgres.md"), encoding: .utf8)
        guard let mark = guide.range(of: "<!-- app-role: \(marker) -->"),
            let open = guide.range(of: "```sql\n", range: mark.upperBound..<guide.endIndex),
            let close = guide.range(of: "```", range: open.upperBound..<guide.endIndex)
        else { throw PostgresTestSchema.SetupError(description: "docs/deploy-postgres.md has no block marked app-role: \(marker)") }
        return guide[open.upperBound..<close.lowerBound].split(separator: "\n")
            .map { $0.components(separatedBy: "--")[0] }
            .filter { !$0.hasPrefix("\\") && !$0.hasPrefix("CREATE DATABASE") }
            .joined(separator: "\n")
            .replacingOccurrences(of: #"\s+PASSWORD\s+'[^']*'"#, with: "", options: .regularExpression)
    }
}
