import Foundation
import XCTest

/// `cares lrs push` against a scripted stub LRS: headers, retries with backoff, refusals, conflicts,
/// the mark, the dry run, and the password kept out of every output.
final class LRSStubTests: CaresCommandTestCase {
    let password = "s3cret pa:ss"
    let homePage = "https://lms.example.org"

    func push(_ stub: LRSStub, _ arguments: [String] = []) throws -> CaresProcess.Output {
        try push(arguments, endpoint: stub.endpoint, username: "cares", password: password, homePage: homePage)
    }

    func assertNoPassword(_ output: CaresProcess.Output, file: StaticString = #filePath, line: UInt = #line) {
        let basic = Data("cares:\(password)".utf8).base64EncodedString()
        for text in [output.stdout, output.stderr] {
            XCTAssertFalse(text.contains(password) || text.contains("s3cret") || text.contains(basic), text, file: file, line: line)
        }
    }

    func testSendsBatchesWithTheXAPIHeadersAndRetries429And5xx() throws {
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        XCTAssertEqual(try take("rn-2", right: false, seed: 2).status, 0)
        let stub = try LRSStub(["--script", "429,503,204"], folder: home)
        let output = try push(stub, ["--batch-size", "2"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("Sent 4 statements (2 attempts) in 2 batches to \(stub.endpoint) after 2 retries."), output.stdout)
        assertNoPassword(output)
        let requests = try stub.requests()
        XCTAssertEqual(requests.count, 4, "429, 503, then the first batch, then the second")
        for request in requests {
            XCTAssertEqual(request["path"] as? String, "/xAPI/statements")
            let headers = try XCTUnwrap(request["headers"] as? [String: String])
            let header = { (name: String) in headers.first { $0.key.lowercased() == name.lowercased() }?.value }
            XCTAssertEqual(header("X-Experience-API-Version"), "1.0.3")
            XCTAssertEqual(header("Content-Type"), "application/json")
            XCTAssertEqual(header("Authorization"), "Basic " + Data("cares:\(password)".utf8).base64EncodedString())
            let batch = try statementArray(try XCTUnwrap(request["body"] as? String))
            XCTAssertEqual(batch.count, 2, "an attempt's two statements travel together")
        }
        XCTAssertEqual(try push(stub).stdout, "Nothing new to send to \(stub.endpoint).\n", "the mark moved")
        XCTAssertEqual(try stub.requests().count, 4)
    }

    func testGivesUpAfterTheRetriesAndKeepsTheMark() throws {
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        let stub = try LRSStub(["--script", "503"], folder: home)
        let output = try push(stub, ["--retries", "2"])
        XCTAssertEqual(output.status, 69, output.stderr)
        XCTAssertTrue(output.stderr.contains("the LRS answered HTTP 503: Service unavailable (after 2 retries). Nothing was sent."), output.stderr)
        XCTAssertEqual(try stub.requests().count, 3, "the first try and two retries")
        assertNoPassword(output)
        let again = try push(stub, ["--retries", "0"])
        XCTAssertEqual(again.status, 69)
        XCTAssertEqual(try stub.requests().count, 4, "nothing was marked as sent")
    }

    func testRefusalsNameTheStatusAndAPrintableMessageWithoutRetrying() throws {
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        let stub = try LRSStub(["--script", "401"], folder: home)
        let output = try push(stub)
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertTrue(output.stderr.contains("the LRS refused the statements: HTTP 401: Invalid authentication credentials."), output.stderr)
        XCTAssertTrue(output.stderr.contains("check lrs.username and the password"), output.stderr)
        XCTAssertEqual(try stub.requests().count, 1, "a 4xx is not retried")
        assertNoPassword(output)
        stub.stop()

        let bad = try LRSStub(["--script", "400"], folder: home)
        let refused = try push(bad)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("HTTP 400: Statement is not valid"), refused.stderr)
        XCTAssertFalse(refused.stderr.contains("\u{1B}"), "no escape sequences from the server")
        XCTAssertTrue(refused.stderr.contains("…"), "a long message is cut")
        XCTAssertLessThan(refused.stderr.count, 600)
    }

    func testAProxyFromTheEnvironmentCarriesTheRequests() throws {
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        let proxy = try LRSStub(["--script", "200"], folder: home)
        let output = try cares(
            ["lrs", "push", "--home-page", homePage],
            extraEnvironment: [
                "CARES_LRS_ENDPOINT": "http://lrs.example.invalid/xAPI", "CARES_LRS_USERNAME": "cares",
                "CARES_LRS_PASSWORD": password, "http_proxy": "http://127.0.0.1:\(proxy.port)", "no_proxy": "", "NO_PROXY": "",
            ])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("Sent 2 statements"), output.stdout)
        let requests = try proxy.requests()
        XCTAssertEqual(requests.count, 1)
        XCTAssertEqual(requests.first?["path"] as? String, "http://lrs.example.invalid/xAPI/statements", "sent to the proxy for the LRS")
    }

    func testAnLRSThatCannotBeReachedOrHasMovedIsNamed() throws {
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        // A port that was just free: nothing listens there.
        let closed = try LRSStub(["--script", "200"], folder: home)
        let endpoint = closed.endpoint
        closed.stop()
        let refused = try push(["--retries", "1"], endpoint: endpoint, username: "cares", password: password, homePage: homePage)
        XCTAssertEqual(refused.status, 69, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("cannot reach the LRS at \(endpoint): connection refused (after 1 retry)"), refused.stderr)
        assertNoPassword(refused)

        let moved = try LRSStub(["--script", "301"], folder: home)
        let output = try push(moved)
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertTrue(
            output.stderr.contains(
                "HTTP 301: the LRS has moved to https://lrs.example.org/xAPI/statements: set lrs.endpoint to its new address"),
            output.stderr)
        XCTAssertEqual(try moved.requests().count, 1, "a redirect is not followed")
        XCTAssertTrue(try push(LRSStub(["--script", "204"], folder: home)).stdout.contains("Sent 2 statements"), "nothing was marked")
    }

    func testWithoutLibcurlThePushStopsAtOnceAndSendsAgainLater() throws {
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        let stub = try LRSStub(["--script", "204"], folder: home)
        let environment = [
            "CARES_LRS_ENDPOINT": stub.endpoint, "CARES_LRS_USERNAME": "cares", "CARES_LRS_PASSWORD": password,
            "CARES_LIBCURL": home.appendingPathComponent("no-such-libcurl.so").path,
        ]
        let output = try cares(["lrs", "push", "--home-page", homePage], extraEnvironment: environment)
        XCTAssertEqual(output.status, 69, output.stderr)
        XCTAssertTrue(output.stderr.contains("cannot send to the LRS: CARES_LIBCURL names a libcurl that cannot be loaded"), output.stderr)
        XCTAssertFalse(output.stderr.contains("retr"), "not retried: \(output.stderr)")
        assertNoPassword(output)
        XCTAssertEqual(try stub.requests().count, 0)
        XCTAssertTrue(try push(stub).stdout.contains("Sent 2 statements"), "nothing was marked as sent")
    }

    func testAnLRSWhoseCertificateIsNotTrustedIsRefused() throws {
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        let stub = try LRSStub(["--script", "204", "--tls"], folder: home)
        let endpoint = "https://127.0.0.1:\(stub.port)/xAPI"
        let output = try push(["--retries", "0"], endpoint: endpoint, username: "cares", password: password, homePage: homePage)
        XCTAssertEqual(output.status, 69, output.stderr)
        XCTAssertTrue(output.stderr.contains("cannot reach the LRS at \(endpoint): TLS failed (check the server certificate)"), output.stderr)
        XCTAssertEqual(try stub.requests().count, 0, "nothing, not even the password, was sent over an unverified connection")
        assertNoPassword(output)
    }

    func testConflictsCountAsSentAndTheRestIsSentOneByOne() throws {
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        let stub = try LRSStub(["--script", "409,409,204"], folder: home)
        let output = try push(stub)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("Sent 2 statements (1 attempt) in 1 batch"), output.stdout)
        XCTAssertTrue(output.stdout.contains("1 statement was already in the LRS with other content (409 Conflict)."), output.stdout)
        let bodies = try stub.requests().map { try statementArray(try XCTUnwrap($0["body"] as? String)).count }
        XCTAssertEqual(bodies, [2, 1, 1])
    }

    func testDryRunSendsNothingAndKeepsTheMark() throws {
        XCTAssertEqual(try take("rn-1", right: true, seed: 1).status, 0)
        let stub = try LRSStub(["--script", "200"], folder: home)
        let dry = try push(stub, ["--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(try statementArray(dry.stdout).count, 2)
        XCTAssertTrue(dry.stderr.contains("Dry run: would send 2 statements (1 attempt) in 1 batch"), dry.stderr)
        XCTAssertEqual(try stub.requests().count, 0)
        XCTAssertTrue(try push(stub).stdout.contains("Sent 2 statements"))
        XCTAssertTrue(try push(stub, ["--since", "2000-01-01"]).stdout.contains("Sent 2 statements"), "--since sends again")
        XCTAssertEqual(try stub.requests().count, 2)
    }

    func testPasswordComesFromTheEnvironmentOrAPrivateConfigFileNeverAFlag() throws {
        let configFile = home.appendingPathComponent("config/cares/config.yaml")
        try FileManager.default.createDirectory(at: configFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "lrs:\n  endpoint: http://127.0.0.1:9/xAPI\n  username: cares\n  password: \(password)\n".write(to: configFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: configFile.path)
        var output = try cares(["config", "show"], extraEnvironment: [:])
        XCTAssertEqual(output.status, 65)
        XCTAssertTrue(output.stderr.contains("lrs.password is in a file others can read (mode 644)"), output.stderr)
        XCTAssertTrue(output.stderr.contains("chmod 600"), output.stderr)
        assertNoPassword(output)

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configFile.path)
        output = try CaresProcess.run(["config", "show"], environment: environment)
        XCTAssertEqual(output.status, 0, output.stderr)
        let row = output.stdout.split(separator: "\n").first { $0.hasPrefix("lrs.password") } ?? ""
        XCTAssertTrue(row.contains("***") && row.contains("\(configFile.path):4"), output.stdout)
        XCTAssertTrue(output.stdout.contains("lrs.endpoint"), output.stdout)
        assertNoPassword(output)

        output = try cares(["lrs", "push", "--password", "x"], extraEnvironment: [:])
        XCTAssertEqual(output.status, 64, "no password flag")
        try FileManager.default.removeItem(at: configFile)
        output = try cares(
            ["lrs", "push", "--home-page", homePage], extraEnvironment: ["CARES_LRS_ENDPOINT": "http://127.0.0.1:9/xAPI", "CARES_LRS_USERNAME": "cares"])
        XCTAssertEqual(output.status, 64)
        XCTAssertTrue(output.stderr.contains("there is no password: set CARES_LRS_PASSWORD"), output.stderr)
        output = try cares(["lrs", "push", "--home-page", homePage], extraEnvironment: ["CARES_LRS_ENDPOINT": ""])
        XCTAssertEqual(output.status, 64)
        XCTAssertTrue(output.stderr.contains("no LRS to push to"), output.stderr)
        output = try cares(
            ["lrs", "push", "--home-page", homePage, "--endpoint", "https://cares:\(password)@lrs.example.org/xAPI"], extraEnvironment: [:])
        XCTAssertEqual(output.status, 64)
        XCTAssertTrue(output.stderr.contains("must not hold a user or password"), output.stderr)
        assertNoPassword(output)
    }
}
