import TrainingKit
import TrainingReports

/// A preview as one self-contained HTML page (no scripts, no external files), every text escaped.
struct HTMLPreviewRenderer {
    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;\
        line-height:1.5;color:#1b1b1b}
        h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ccc;margin-top:2.5rem}h3,h4{margin-top:1.8rem}
        .subtitle{color:#555;margin-top:0}.label{font-weight:600}
        ul.answers{list-style:none;padding-left:0}ul.answers li{margin:.4rem 0;padding:.3rem .6rem;border-left:4px solid #bbb}
        ul.answers li.correct{border-left-color:#1a7f37;background:#eef8f0}
        .mark{font-weight:600;margin-right:.4rem}.feedback{display:block;color:#444;font-size:.95em}
        @media print{body{margin:0;max-width:none}h2,h3,h4{break-after:avoid}}
        """

    func render(_ document: PreviewDocument) -> String {
        var out = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>Preview: \(escape(document.title))</title>", "<style>\(Self.style)</style>", "</head>", "<body>",
        ]
        for block in document.blocks {
            switch block {
            case .title(let title, let subtitle):
                out.append("<h1>\(escape(title))</h1>")
                out.append("<p class=\"subtitle\">\(escape(subtitle))</p>")
            case .heading(let level, let text):
                out.append("<h\(level)>\(escape(text))</h\(level)>")
            case .rich(let text):
                out.append(rich(text))
            case .labelled(let label, let value):
                out.append("<div><span class=\"label\">\(escape(label)):</span> \(rich(value, inline: true))</div>")
            case .list(let items):
                out.append("<ul>" + items.map { "<li>\(inline($0))</li>" }.joined() + "</ul>")
            case .answers(let answers):
                let ordered = answers.first?.correct == nil
                var items: [String] = []
                for answer in answers {
                    var mark = ""
                    if let correct = answer.correct {
                        mark = "<span class=\"mark\">\(correct ? "✓ correct" : "✗ incorrect")</span>"
                    }
                    var item = "<li\(answer.correct == true ? " class=\"correct\"" : "")>\(mark)<strong>\(escape(answer.label)))</strong> \(inline(answer.text))"
                    if let feedback = answer.feedback { item += "<span class=\"feedback\">Feedback: \(inline(feedback))</span>" }
                    items.append(item + "</li>")
                }
                let tag = ordered ? "ol" : "ul"
                out.append("<\(tag) class=\"answers\">" + items.joined() + "</\(tag)>")
            }
        }
        out.append(contentsOf: ["</body>", "</html>"])
        return out.joined(separator: "\n") + "\n"
    }

    /// Module text (Markdown subset) as paragraphs and lists; `inline` keeps a single paragraph unwrapped.
    private func rich(_ text: String, inline single: Bool = false) -> String {
        let blocks = RichText.parse(text)
        if single, blocks.count == 1, case .paragraph(let spans) = blocks[0] { return self.spans(spans) }
        var html = ""
        var inList = false
        for block in blocks {
            switch block {
            case .paragraph(let spans):
                if inList { html += "</ul>"; inList = false }
                html += "<p>\(self.spans(spans))</p>"
            case .bullet(let spans):
                if !inList { html += "<ul>"; inList = true }
                html += "<li>\(self.spans(spans))</li>"
            }
        }
        if inList { html += "</ul>" }
        return html
    }

    private func inline(_ text: String) -> String {
        spans(RichText.inline(text.replacingOccurrences(of: "\n", with: " ")))
    }

    private func spans(_ spans: [RichText.Span]) -> String {
        spans.map { $0.bold ? "<strong>\(escape($0.text))</strong>" : escape($0.text) }.joined()
    }

    /// HTML-escaped text (the same escaping as reports and certificates).
    static func escape(_ text: String) -> String {
        TextEscaping.html(text)
    }

    private func escape(_ text: String) -> String { Self.escape(text) }
}
