import Foundation
import TrainingStore
import XCTest

/// Hostile learner names and module titles in every report format: neutralised for spreadsheets,
/// escaped for browsers, valid JSON, and no raw control characters in the terminal table.
final class HostileReportTests: XCTestCase {
    static let hostileName = "=HYPERLINK(\"http://evil.example\",\"x\") <script>alert(1)</script> \u{202E}gnp.exe\nline \u{1B}[31m"
    static let hostileTitle = "+SUM(A1) <img src=x onerror=alert(1)> \u{200F}title\r\n@cmd"

    func testEveryFormatNeutralisesHostileText() async throws {
        let home = try CaresProcess.temporaryFolder(self)
        let database = home.appendingPathComponent("hostile.sqlite").path
        let store = try SQLiteStore(path: database)
        try await store.migrate()
        try await store.saveLearner(Learner(id: "rn-x", name: Self.hostileName, department: "-Emergency", role: "@RN", fromRoster: true))
        let attempt = Attempt(
            learnerID: "rn-x", moduleID: "hostile", moduleVersion: "1.0.0", contentHash: "h", seed: 1, questionCount: 1,
            startedAt: Date().addingTimeInterval(-600))
        try await store.startAttempt(
            attempt, module: ModuleSnapshot(moduleID: "hostile", version: "1.0.0", title: Self.hostileTitle, contentHash: "h", passMark: 50, validForDays: 365))
        try await store.recordResponse(
            Response(attemptID: attempt.id, questionID: "q1", answer: "a", isCorrect: true, points: 1, maxPoints: 1, position: 1))
        try await store.finishAttempt(id: attempt.id, status: .passed, points: 1, maxPoints: 1, scorePercent: 100, at: Date())
        await store.close()
        let empty = home.appendingPathComponent("modules").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)

        let reports: [[String]] = [
            ["completions"], ["attempts"], ["due"], ["transcript", "--learner", "rn-x"], ["items", "--module", "hostile"],
        ]
        for report in reports {
            for format in ["table", "csv", "json", "html"] {
                let output = try CaresProcess.run(
                    ["report"] + report + ["--format", format, "--modules", empty, "--database", database],
                    environment: ["CARES_SYSTEM_CONFIG": home.path + "/none.yaml", "XDG_CONFIG_HOME": home.path])
                let label = "\(report[0]) \(format)"
                XCTAssertEqual(output.status, 0, "\(label): \(output.stderr)")
                let text = output.stdout
                XCTAssertFalse(text.contains("\u{1B}"), "\(label): an escape sequence reached the output")
                switch format {
                case "csv":
                    for row in Self.records(text).dropFirst() {
                        for cell in row {
                            XCTAssertFalse(["=", "+", "-", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""),
                                "\(label): cell starts with a formula character: \(cell)")
                        }
                    }
                case "html":
                    XCTAssertFalse(text.contains("<script>alert"), "\(label): raw script")
                    XCTAssertFalse(text.contains("<img src=x"), "\(label): raw img")
                case "json":
                    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)), "\(label): not JSON")
                default:
                    XCTAssertFalse(
                        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" },
                        "\(label): control characters in the table")
                }
            }
        }
        let xapi = try CaresProcess.run(
            ["report", "attempts", "--format", "xapi", "--home-page", "https://lms.example.org", "--modules", empty,
             "--database", database], environment: ["CARES_SYSTEM_CONFIG": home.path + "/none.yaml", "XDG_CONFIG_HOME": home.path])
        XCTAssertEqual(xapi.status, 0, xapi.stderr)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(xapi.stdout.utf8)))
    }

    /// The records of a CSV text (quoted fields may hold commas and line breaks; doubled quotes are quotes).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var cells: [String] = []
        var current = ""
        var quoted = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        current.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    current.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                cells.append(current)
                current = ""
            } else if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                cells.append(current)
                records.append(cells)
                cells = []
                current = ""
                index += 1
            } else {
                current.unicodeScalars.append(scalar)
            }
            index += 1
        }
        if !current.isEmpty || !cells.isEmpty { records.append(cells + [current]) }
        return records
    }
}

/// Writing a report or a preview to a device such as /dev/null writes through it, never replaces it.
final class SpecialOutputTests: XCTestCase {
    func testOutputToADeviceKeepsTheDevice() throws {
        let home = try CaresProcess.temporaryFolder(self)
        let device = home.appendingPathComponent("null").path
        guard try CaresProcess.runShell("mknod '\(device)' c 1 3").status == 0 else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("CI runs as root and can make a device node") }
            throw XCTSkip("needs root to make a device node")
        }
        let fixtures = CaresProcess.repositoryRoot.appendingPathComponent("Tests/TrainingKitTests/Fixtures/good").path
        let report = try CaresProcess.run(
            ["report", "attempts", "--format", "csv", "--output", device, "--modules", fixtures,
             "--database", home.appendingPathComponent("db.sqlite").path])
        XCTAssertEqual(report.status, 0, report.stderr)
        let preview = try CaresProcess.run(["preview", "every-type", "--modules", fixtures, "--output", device])
        XCTAssertEqual(preview.status, 0, preview.stderr)
        let kind = try CaresProcess.runShell("stat -c %F '\(device)'").stdout
        XCTAssertEqual(kind.trimmingCharacters(in: .whitespacesAndNewlines), "character special file")
    }
}
