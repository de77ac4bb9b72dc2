import Foundation

/// The small Markdown subset of module text: paragraphs, `- ` bullet lists and `**bold**`.
public enum RichText {
    /// A run of text, bold or not.
    public struct Span: Hashable, Sendable {
        public var text: String
        public var bold: Bool

        public init(_ text: String, bold: Bool = false) {
            self.text = text
            self.bold = bold
        }
    }

    /// A paragraph or a bullet item.
    public enum Block: Hashable, Sendable {
        case paragraph([Span])
        case bullet([Span])
    }

    /// Splits text into blocks: blank lines end paragraphs, lines starting with `- ` or `* ` are
    /// bullets (indented lines continue them), and other lines join the current paragraph.
    public static func parse(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var current: [String] = []
        var currentIsBullet = false
        func flush() {
            guard !current.isEmpty else { return }
            let spans = inline(current.joined(separator: " "))
            blocks.append(currentIsBullet ? .bullet(spans) : .paragraph(spans))
            current = []
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).trimmingWhitespace()
            if line.isEmpty {
                flush()
                currentIsBullet = false
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flush()
                currentIsBullet = true
                current = [String(line.dropFirst(2)).trimmingWhitespace()]
            } else if currentIsBullet, rawLine.first == " " {
                current.append(line)
            } else {
                if currentIsBullet { flush(); currentIsBullet = false }
                current.append(line)
            }
        }
        flush()
        return blocks
    }

    /// Splits a line at `**` markers into plain and bold spans; an unpaired `**` stays as text.
    public static func inline(_ text: String) -> [Span] {
        let parts = text.components(separatedBy: "**")
        guard parts.count >= 3 else { return [Span(text)] }
        var spans: [Span] = []
        for (index, part) in parts.enumerated() where !part.isEmpty {
            let isLastUnpaired = parts.count % 2 == 0 && index == parts.count - 1
            if isLastUnpaired {
                spans.append(Span("**" + part))
            } else {
                spans.append(Span(part, bold: index % 2 == 1))
            }
        }
        return spans
    }

    /// The text without markup, for plain contexts.
    public static func plain(_ text: String) -> String {
        parse(text).map { block in
            switch block {
            case .paragraph(let spans): return spans.map(\.text).joined()
            case .bullet(let spans): return "- " + spans.map(\.text).joined()
            }
        }.joined(separator: "\n")
    }
}
