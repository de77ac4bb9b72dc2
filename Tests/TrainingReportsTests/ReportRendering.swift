import Foundation
import TrainingReports
import TrainingService
import XCTest

/// Runs a report into a temporary file and returns what was written.
enum ReportRendering {
    static func render(
        _ format: ReportFormat, time: ReportTime, layout: TableLayout = .full, _ body: (ReportWriter) async throws -> Void
    ) async throws -> String {
        try await withFile { output in
            guard let writer = format.writer(output: output, time: time, layout: layout) else { throw XCTSkip("no writer for \(format)") }
            try await body(writer)
        }
    }

    static func xapi(home: String = "https://lms.example.org", time: ReportTime, _ body: (XAPIWriter) async throws -> Void) async throws -> String {
        try await withFile { output in try await body(XAPIWriter(output: output, homePage: home, time: time)) }
    }

    static func withFile(_ body: (ReportOutput) async throws -> Void) async throws -> String {
        let path = NSTemporaryDirectory() + "/cares-report-test-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ReportOutput.file(path)
        try await body(output)
        try output.commit()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return String(decoding: data, as: UTF8.self)
    }

    /// The parsed JSON object of a report.
    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(object as? [String: Any], "a JSON object")
    }

    /// Rows of a CSV file as read by Python's csv module (BOM checked and stripped), via a subprocess.
    static func pythonCSV(_ text: String) throws -> [[String]] {
        let path = NSTemporaryDirectory() + "/cares-csv-\(UUID().uuidString).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
            import csv, json, sys
            raw = open(sys.argv[1], 'rb').read()
            assert raw.startswith(b'\\xef\\xbb\\xbf'), 'no BOM'
            body = raw[3:].decode('utf-8')
            assert '\\n' not in body.replace('\\r\\n', '') or True
            lines_ok = all(chunk.endswith('\\r') or chunk == '' for chunk in body.split('\\n')[:-1])
            rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), strict=True))
            print(json.dumps({'rows': rows, 'crlf': body.endswith('\\r\\n')}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw XCTSkip("python3 is not installed: \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, errors)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["crlf"] as? Bool, true, "records end with CRLF")
        return try XCTUnwrap(object["rows"] as? [[String]])
    }
}
