import Foundation
import TrainingKit

/// Prints diagnostics compiler-style on standard error, with a closing summary line.
enum WarningPrinter {
    static func print(_ diagnostics: [Diagnostic], summary: String?) {
        var printer = DiagnosticPrinter(terminal: Terminal(useColour: false, width: 80))
        var lines = diagnostics.map { printer.render($0) }
        if let summary {
            let count = diagnostics.count
            lines.append(summary + (count == 0 ? "." : "; \(count) warning\(count == 1 ? "" : "s") above."))
        }
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
