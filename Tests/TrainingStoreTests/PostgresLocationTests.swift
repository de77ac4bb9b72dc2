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

    // MARK: Unencoded passwords (#18 item 7)

    /// A password with an unencoded `@` followed by `/`, `?` or `#` is read whole: the user
    /// information ends at the last `@` before the host.
    func testAnUnencodedPasswordIsReadWhole() throws {
        let cases: [(url: String, password: String, host: String, port: Int, database: String)] = [
            ("postgres://user:pa@ss/wo?rd#x@host:5432/db", "pa@ss/wo?rd#x", "host", 5432, "db"),
            ("postgres://user:pa@ss/word@db.example.org/cares", "pa@ss/word", "db.example.org", 5432, "cares"),
            ("postgres://user:pa@ss?word@db.example.org:6543/cares", "pa@ss?word", "db.example.org", 6543, "cares"),
            ("postgres://user:pa@ss#word@db.example.org/cares", "pa@ss#word", "db.example.org", 5432, "cares"),
            ("postgres://user:pa:ss@w@[::1]:5433/cares?sslmode=disable", "pa:ss@w", "::1", 5433, "cares"),
            ("postgres://user:p%40ss@host/db", "p@ss", "host", 5432, "db"),
            ("postgres://user:100%@host/db", "100%", "host", 5432, "db"),
        ]
        for item in cases {
            let location = try PostgresLocation(url: item.url, environment: [:])
            XCTAssertEqual(location.user, "user", item.url)
            XCTAssertEqual(location.password, item.password, item.url)
            XCTAssertEqual(location.host, item.host, item.url)
            XCTAssertEqual(location.port, item.port, item.url)
            XCTAssertEqual(location.database, item.database, item.url)
            XCTAssertTrue(
                location.description.hasPrefix("postgres://user:***@\(location.endpoint)/\(item.database)?"),
                location.description)
            XCTAssertEqual(StoreLocation.describe(item.url), location.description)
        }
    }

    /// No message about a URL with such a password shows any piece of it.
    func testErrorsNeverShowAPieceOfAnUnencodedPassword() {
        let password = "Zq@Xv/Wk?Jm#Yp"
        let urls = [
            "postgres://user:\(password)@host:5432/db?sslmode=sometimes",
            "postgres://user:\(password)@host:99999/db",
            "postgres://user:\(password)@host/db?target_session_attrs=any",
            "postgres://user:\(password)@/db",
            "postgres://user:\(password)@host/a/b",
            "postgres://user:\(password)@host:port/db",
            "postgres://user:\(password)@host/db?connect_timeout=soon",
        ]
        for url in urls {
            do {
                let location = try PostgresLocation(url: url, environment: [:])
                XCTFail("\(url) was accepted as \(location)")
            } catch {
                let message = "\(error)"
                for fragment in Self.fragments(of: password) {
                    XCTAssertFalse(message.contains(fragment), "\(url): \(message)")
                }
            }
            for fragment in Self.fragments(of: password) {
                XCTAssertFalse(StoreLocation.describe(url).contains(fragment), "\(url): \(StoreLocation.describe(url))")
                XCTAssertFalse(PostgresLocation.masked(url).contains(fragment), url)
            }
        }
    }

    /// Every run of two or more letters or digits in `password`.
    static func fragments(of password: String) -> [String] {
        password.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { $0.count >= 2 }
    }
}
