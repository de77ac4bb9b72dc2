import Foundation
import XCTest

extension CaresCommandTestCase {
    /// `cares ARGS` with the test's database and modules and extra environment (LRS settings).
    @discardableResult
    func cares(_ arguments: [String], extraEnvironment: [String: String]) throws -> CaresProcess.Output {
        var env = environment
        // The stub and Ralph listen on this machine: never through a proxy the CI machine may set.
        env["no_proxy"] = "127.0.0.1,localhost"
        env["NO_PROXY"] = "127.0.0.1,localhost"
        for (key, value) in extraEnvironment { env[key] = value }
        return try CaresProcess.run(
            arguments + ["--database", database, "--modules", TakeCommandTests.fixtures], environment: env, directory: home)
    }

    /// `cares lrs push` to `endpoint` as `username`/`password`, with a home page of its own.
    @discardableResult
    func push(_ arguments: [String] = [], endpoint: String, username: String, password: String, homePage: String) throws -> CaresProcess.Output {
        try cares(
            ["lrs", "push", "--home-page", homePage] + arguments,
            extraEnvironment: ["CARES_LRS_ENDPOINT": endpoint, "CARES_LRS_USERNAME": username, "CARES_LRS_PASSWORD": password])
    }

    /// The statements of a JSON array.
    func statementArray(_ text: String) throws -> [[String: Any]] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], text)
    }
}
