import Foundation
import TrainingKit

/// Prints diagnostics the way compilers do: `file:line:column: error: …`, the source line and a caret.
struct DiagnosticPrinter {
    let terminal: Terminal
    /// Source files read so far; nil for one that could not be read.
    private var sources: [String: SourceText?] = [:]

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
        if let text = sourceLine(diagnostic.file, diagnostic.location.line, column: diagnostic.location.column) {
            let number = String(diagnostic.location.line)
            let gutter = String(repeating: " ", count: max(0, 5 - number.count)) + number + " | "
            let window = Self.window(Self.printable(text.text), column: diagnostic.location.column, cut: text.cut)
            lines.append(gutter + window.text)
            let padding = String(repeating: " ", count: max(0, window.column - 1))
            let available = max(1, window.text.count - window.column + 1)
            let underline = "^" + String(repeating: "~", count: max(0, min(diagnostic.length, available) - 1))
            lines.append(String(repeating: " ", count: 6) + "| " + padding + terminal.style(underline, .green))
        }
        if let hint = diagnostic.hint {
            lines.append(terminal.style("  hint: \(Self.printable(hint))", .dim))
        }
        return lines.joined(separator: "\n")
    }

    /// The most characters of a source line shown; a longer line is cut to a window around the column.
    static let maxLineCharacters = 160

    /// At most `maxLineCharacters` of `line` around `column`, marked with "…" where cut, and the
    /// column within what is shown.
    static func window(_ line: String, column: Int, cut: Bool = false) -> (text: String, column: Int) {
        let characters = Array(line)
        guard characters.count > maxLineCharacters || cut else { return (line, column) }
        let target = min(max(0, column - 1), characters.count)
        let start = max(0, min(target - maxLineCharacters / 2, characters.count - maxLineCharacters))
        let end = min(characters.count, start + maxLineCharacters)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < characters.count || cut ? "…" : ""
        return (prefix + String(characters[start..<end]) + suffix, target - start + 1 + prefix.count)
    }

    /// The line's text, read no further than the window can need (a module may be one 1 MB line),
    /// and whether its end was cut off.
    private mutating func sourceLine(_ file: String, _ line: Int, column: Int) -> (text: String, cut: Bool)? {
        if sources[file] == nil {
            // Read as modules are: never blocking on a FIFO, never more than a bounded amount.
            switch ModuleLoader(limits: YAMLLimits(maxFileBytes: 16 << 20)).readFile(file) {
            case .success(let source): sources[file] = .some(source)
            case .failure: sources[file] = .some(nil)
            }
        }
        guard let source = sources[file] ?? nil, let range = source.byteRange(ofLine: line) else { return nil }
        let needed = (max(1, column) + Self.maxLineCharacters) * 4
        let end = min(range.upperBound, range.lowerBound + needed)
        return (String(decoding: source.bytes[range.lowerBound..<end], as: UTF8.self), end < range.upperBound)
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
