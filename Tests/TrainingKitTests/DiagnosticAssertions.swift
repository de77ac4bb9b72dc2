import TrainingKit
import XCTest

/// Asserts that a result holds a diagnostic at `line:column` whose message contains `text`.
func assertDiagnostic(
    _ result: ModuleLoadResult, at position: String, _ text: String, severity: Diagnostic.Severity = .error,
    hint: String? = nil, file: StaticString = #filePath, line: UInt = #line
) {
    let matches = result.diagnostics.filter {
        "\($0.location.line):\($0.location.column)" == position && $0.message.contains(text) && $0.severity == severity
    }
    XCTAssertFalse(
        matches.isEmpty,
        "expected \(severity) at \(position) containing '\(text)'; got:\n"
            + result.diagnostics.map { "  \($0.headline)" }.joined(separator: "\n"),
        file: file, line: line)
    if let hint, let match = matches.first {
        XCTAssertTrue(match.hint?.contains(hint) ?? false, "hint '\(match.hint ?? "nil")' lacks '\(hint)'", file: file, line: line)
    }
}

/// Asserts that a result loaded a module with no diagnostics at all.
func assertClean(_ result: ModuleLoadResult, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNotNil(result.module, "module did not load", file: file, line: line)
    XCTAssertEqual(result.diagnostics.map(\.headline), [], file: file, line: line)
}
