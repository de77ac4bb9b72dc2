import Foundation
import TrainingKit

/// Prints diagnostics the way compilers do: `file:line:column: error: …`, the source line and a caret.
struct DiagnosticPrinter {
    let terminal: Terminal
    private var sources: [String: SourceText] = [:]

    init(terminal: Terminal) {
        self.terminal = terminal
    }

    /// The diagnostic as lines of text.
    mutating func render(_ diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity == .error
            ? terminal.style("error", .boldRed) : terminal.style("warning", .boldYellow)
        var lines = [
            terminal.style("\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column):", .bold)
                + " \(severity): " + terminal.style(Self.printable(diagnostic.message), .bold)
        ]
        if let text = sourceLine(diagnostic.file, diagnostic.location.line) {
            let number = String(diagnostic.location.line)
            let gutter = String(repeating: " ", count: max(0, 5 - number.count)) + number + " | "
            let visible = Self.printable(text)
            lines.append(gutter + visible)
            let padding = String(repeating: " ", count: max(0, diagnostic.location.column - 1))
            let available = max(1, visible.count - diagnostic.location.column + 1)
            let underline = "^" + String(repeating: "~", count: max(0, min(diagnostic.length, available) - 1))
            lines.append(String(repeating: " ", count: 6) + "| " + padding + terminal.style(underline, .green))
        }
        if let hint = diagnostic.hint {
            lines.append(terminal.style("  hint: \(Self.printable(hint))", .dim))
        }
        return lines.joined(separator: "\n")
    }

    private mutating func sourceLine(_ file: String, _ line: Int) -> String? {
        if sources[file] == nil {
            // FileHandle rather than FileManager.contents, which leaks its buffer for an empty file
            // (found by LeakSanitizer).
            guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
            defer { try? handle.close() }
            guard let data = try? handle.read(upToCount: 16 << 20) else {
                sources[file] = SourceText(bytes: [])
                return nil
            }
            sources[file] = SourceText(bytes: [UInt8](data))
        }
        return sources[file]?.line(line)
    }

    /// Text safe to print: control characters (escape sequences, NUL, tabs) shown as visible symbols.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: result += " "
            case 0x00..<0x20, 0x7F: result += "\u{FFFD}"
            case 0x80..<0xA0: result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
