import Foundation
import TrainingKit

/// Wraps text to a width, rendering the module Markdown subset (paragraphs, bullets, bold).
struct TextWrapper {
    let width: Int
    let terminal: Terminal

    /// Module text as wrapped lines: paragraphs separated by blank lines, bullets as `•` (`-` when plain) with a hanging indent.
    func render(_ text: String, indent: Int = 0) -> String {
        var out: [String] = []
        var previousWasBullet = false
        for block in RichText.parse(text) {
            switch block {
            case .paragraph(let spans):
                if !out.isEmpty { out.append("") }
                out.append(wrapSpans(spans, indent: indent, hanging: indent, prefix: ""))
                previousWasBullet = false
            case .bullet(let spans):
                if !out.isEmpty && !previousWasBullet { out.append("") }
                out.append(wrapSpans(spans, indent: indent + 2, hanging: indent + 4, prefix: terminal.bullet + " "))
                previousWasBullet = true
            }
        }
        return out.joined(separator: "\n")
    }

    /// Plain text wrapped at spaces; words longer than the width are broken.
    func wrap(_ text: String, indent: Int = 0, hanging: Int = 0) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
            wrapSpans([RichText.Span(String(paragraph))], indent: indent, hanging: hanging, prefix: "")
        }.joined(separator: "\n")
    }

    private func wrapSpans(_ spans: [RichText.Span], indent: Int, hanging: Int, prefix: String) -> String {
        var words: [(String, Bool)] = []
        for span in spans {
            for word in DiagnosticPrinter.printable(span.text).split(separator: " ") {
                words.append((String(word), span.bold))
            }
        }
        var lines: [String] = []
        var current = String(repeating: " ", count: max(0, indent - (prefix.isEmpty ? 0 : 0))) + prefix
        var currentLength = current.count
        var lineHasWord = false
        let firstIndent = current.count
        for (rawWord, bold) in words {
            var word = rawWord
            let limit = max(10, width)
            while word.count > limit - hanging, lineHasWord == false, word.count > limit - currentLength {
                let take = max(1, limit - currentLength)
                current += styled(String(word.prefix(take)), bold)
                lines.append(current)
                word = String(word.dropFirst(take))
                current = String(repeating: " ", count: hanging)
                currentLength = hanging
            }
            if lineHasWord, currentLength + 1 + word.count > limit {
                lines.append(current)
                current = String(repeating: " ", count: hanging)
                currentLength = hanging
                lineHasWord = false
            }
            if lineHasWord {
                current += " "
                currentLength += 1
            }
            current += styled(word, bold)
            currentLength += word.count
            lineHasWord = true
        }
        if lineHasWord || currentLength > firstIndent || lines.isEmpty { lines.append(current) }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }

    private func styled(_ word: String, _ bold: Bool) -> String {
        bold ? terminal.style(word, .bold) : word
    }
}
