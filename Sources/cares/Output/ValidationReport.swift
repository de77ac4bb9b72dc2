import Foundation
import TrainingKit

/// The outcome of `cares validate`, as text for people or JSON for editors and CI.
struct ValidationReport {
    let diagnostics: [Diagnostic]
    let fileCount: Int
    let strict: Bool

    init(set: ModuleSet, strict: Bool) {
        self.strict = strict
        fileCount = set.fileCount
        diagnostics = set.diagnostics.map { diagnostic in
            var copy = diagnostic
            if strict { copy.severity = .error }
            return copy
        }
    }

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    var filesWithProblems: Int { Set(diagnostics.map(\.file)).count }
    var failed: Bool { errorCount > 0 }

    /// Compiler-style text and a summary line.
    func text(terminal: Terminal) -> String {
        var printer = DiagnosticPrinter(terminal: terminal)
        var blocks = diagnostics.map { printer.render($0) }
        blocks.append(summary)
        return blocks.joined(separator: "\n")
    }

    var summary: String {
        let files = "\(fileCount) file\(fileCount == 1 ? "" : "s")"
        guard !diagnostics.isEmpty else { return "\(files) checked, no problems." }
        var parts: [String] = []
        if errorCount > 0 { parts.append("\(errorCount) error\(errorCount == 1 ? "" : "s")") }
        if warningCount > 0 { parts.append("\(warningCount) warning\(warningCount == 1 ? "" : "s")") }
        return parts.joined(separator: ", ") + " in \(filesWithProblems) of \(files)."
    }

    /// `{"diagnostics": [...], "summary": {...}}` with stable field names.
    func json() -> String {
        let items: [[String: Any]] = diagnostics.map { diagnostic in
            var item: [String: Any] = [
                "file": diagnostic.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
                "severity": diagnostic.severity.rawValue, "message": diagnostic.message,
            ]
            if let hint = diagnostic.hint { item["hint"] = hint }
            return item
        }
        let object: [String: Any] = [
            "diagnostics": items,
            "summary": [
                "errors": errorCount, "warnings": warningCount, "files": fileCount,
                "files_with_problems": filesWithProblems, "strict": strict,
            ],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
            let text = String(data: data, encoding: .utf8)
        else { return "{}" }
        return text
    }
}
