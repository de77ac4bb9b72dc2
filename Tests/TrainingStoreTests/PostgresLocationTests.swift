import Foundation
import TrainingStore
import XCTest

/// Reading `postgres://` URLs; needs no server.
final class PostgresLocationTests: XCTestCase {
    func testAFullURL() throws {
        let location = try PostgresLocation(
            url: "postgres://cares_app:p%40ss%3Aword@db.example.org:6543/training"
                + "?sslmode=verify-full&connect_timeout=7&application_name=ward-3",
            environment: [:])
        XCTAssertEqual(location.host, "db.example.org")
        XCTAssertEqual(location.port, 6543)
        XCTAssertEqual(location.user, "cares_app")
        XCTAssertEqual(location.password, "p@ss:word")
        XCTAssertEqual(location.database, "training")
        XCTAssertEqual(location.tlsMode, .verifyFull)
        XCTAssertEqual(location.connectTimeout, 7)
        XCTAssertEqual(location.applicationName, "ward-3")
        XCTAssertEqual(location.endpoint, "db.example.org:6543")
        XCTAssertEqual(location.description, "postgres://cares_app:***@db.example.org:6543/training?sslmode=verify-full")
        XCTAssertFalse(location.description.contains("word"))
    }

    func testDefaultsAndTheEnvironment() throws {
        let location = try PostgresLocation(
            url: "postgresql://db", environment: ["PGUSER": "nurse", "PGPASSWORD": "from-env"])
        XCTAssertEqual(location.port, 5432)
        XCTAssertEqual(location.user, "nurse")
        XCTAssertEqual(location.password, "from-env")
        XCTAssertEqual(location.database, "nurse", "as libpq: the database defaults to the user name")
        XCTAssertEqual(location.tlsMode, .prefer)
        let inURL = try PostgresLocation(url: "postgres://a:in-url@db/x", environment: ["PGPASSWORD": "from-env"])
        XCTAssertEqual(inURL.password, "in-url", "the URL wins over PGPASSWORD")
        let v6 = try PostgresLocation(url: "postgres://a@[::1]:5433/x", environment: [:])
        XCTAssertEqual(v6.host, "::1")
        XCTAssertEqual(v6.endpoint, "[::1]:5433")
    }

    func testBadURLsSayWhatIsWrongWithoutThePassword() {
        let cases: [(String, String)] = [
            ("postgres://u:secret@db/x?sslmode=allow", "sslmode 'allow' is not one of"),
            ("postgres://u:secret@db/x?sslmode=require&sslmode=disable", "given twice"),
            ("postgres://u:secret@db/x?target_session_attrs=any", "'target_session_attrs' is not supported"),
            ("postgres://u:secret@/x", "names no host"),
            ("postgres:///x", "names no host"),
            ("postgres://db/x", "names no user"),
            ("postgres://u:secret@db:99999/x", "out of range"),
            ("postgres://u:secret@db:port/x", "cannot be read as a URL"),
            ("postgres://u:secret@db/x?connect_timeout=soon", "connect_timeout 'soon'"),
            ("postgres://u:secret@db/x?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", "cannot read the certificate"),
            ("postgres://u:secret@db/a/b", "contains '/'"),
        ]
        for (url, expected) in cases {
            do {
                let location = try PostgresLocation(url: url, environment: [:])
                XCTFail("\(url) was accepted as \(location)")
            } catch let error as StoreError {
                XCTAssertTrue(error.description.contains(expected), "\(url): \(error)")
                XCTAssertFalse(error.description.contains("secret"), "\(url): \(error)")
            } catch {
                XCTFail("\(url): \(error)")
            }
        }
    }

    func testSchemesAndMasking() {
        XCTAssertTrue(PostgresLocation.isURL("postgres://db/x"))
        XCTAssertTrue(PostgresLocation.isURL("PostgreSQL://db/x"))
        XCTAssertFalse(PostgresLocation.isURL("/var/lib/cares/cares.sqlite"))
        XCTAssertFalse(PostgresLocation.isURL("postgres.sqlite"))
        XCTAssertEqual(PostgresLocation.masked("postgres://u:p@ss@db/x"), "postgres://u:***@db/x")
        XCTAssertEqual(PostgresLocation.masked("postgres://u@db/x"), "postgres://u@db/x")
    }
}
