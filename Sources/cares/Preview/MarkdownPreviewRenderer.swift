import TrainingKit

/// A preview as Markdown, for reviewers who annotate in a Markdown editor or a merge request.
struct MarkdownPreviewRenderer {
    func render(_ document: PreviewDocument) -> String {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .title(let title, let subtitle):
                out.append("# " + oneLine(title))
                out.append("")
                out.append("*" + escape(subtitle) + "*")
            case .heading(let level, let text):
                out.append("")
                out.append(String(repeating: "#", count: level) + " " + oneLine(text))
            case .rich(let text):
                out.append("")
                out.append(rich(text))
            case .labelled(let label, let value):
                out.append("")
                out.append("**\(label):** " + rich(value))
            case .list(let items):
                out.append("")
                out.append(contentsOf: items.map { "- " + oneLine($0) })
            case .answers(let answers):
                out.append("")
                for answer in answers {
                    let mark: String
                    switch answer.correct {
                    case true?: mark = "[x] "
                    case false?: mark = "[ ] "
                    case nil: mark = ""
                    }
                    out.append("- \(mark)**\(answer.label))** " + oneLine(answer.text))
                    if let feedback = answer.feedback { out.append("  - *Feedback:* " + oneLine(feedback)) }
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Module text is already the Markdown subset; only characters that would start HTML are escaped.
    private func rich(_ text: String) -> String {
        text.trimmingCharacters(in: .newlines).replacingOccurrences(of: "<", with: "&lt;")
    }

    private func oneLine(_ text: String) -> String {
        rich(text).replacingOccurrences(of: "\n", with: " ")
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
