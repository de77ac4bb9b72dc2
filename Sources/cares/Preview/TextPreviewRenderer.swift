import TrainingKit

/// A preview as wrapped plain text (styled only on a colour terminal).
struct TextPreviewRenderer {
    let wrapper: TextWrapper
    let terminal: Terminal

    init(width: Int, terminal: Terminal) {
        self.terminal = terminal
        wrapper = TextWrapper(width: width, terminal: terminal)
    }

    func render(_ document: PreviewDocument) -> String {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .title(let title, let subtitle):
                let clean = DiagnosticPrinter.printable(title)
                out.append(terminal.style(clean, .bold))
                out.append(String(repeating: "=", count: min(clean.count, wrapper.width)))
                out.append(wrapper.wrap(subtitle))
            case .heading(let level, let text):
                let clean = DiagnosticPrinter.printable(text)
                out.append("")
                if level == 2 {
                    let head = "── " + clean + " "
                    out.append(terminal.style(head + String(repeating: "─", count: max(3, wrapper.width - head.count)), .bold))
                } else {
                    out.append(terminal.style(clean, .bold))
                    out.append(String(repeating: level == 3 ? "-" : "·", count: min(clean.count, wrapper.width)))
                }
            case .rich(let text):
                out.append(wrapper.render(printable(text)))
            case .labelled(let label, let value):
                let body = RichText.plain(printable(value)).replacingOccurrences(of: "\n", with: " ")
                out.append(wrapper.wrap("\(label): \(body)", hanging: 2))
            case .list(let items):
                for item in items { out.append(wrapper.wrap("• " + oneLine(item), indent: 2, hanging: 4)) }
            case .answers(let answers):
                for answer in answers {
                    let mark: String
                    switch answer.correct {
                    case true?: mark = terminal.style("[x]", .green) + " "
                    case false?: mark = "[ ] "
                    case nil: mark = ""
                    }
                    let visibleMark = answer.correct == nil ? 0 : 4
                    let line = "\(answer.label)) " + oneLine(answer.text)
                    let wrapped = wrapper.wrap(line, indent: 2 + visibleMark, hanging: 6 + visibleMark)
                    out.append("  " + mark + String(wrapped.dropFirst(2 + visibleMark)))
                    if let feedback = answer.feedback {
                        out.append(wrapper.wrap("Feedback: " + oneLine(feedback), indent: 6 + visibleMark, hanging: 8 + visibleMark))
                    }
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func printable(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { DiagnosticPrinter.printable(String($0)) }
            .joined(separator: "\n")
    }

    private func oneLine(_ text: String) -> String {
        RichText.plain(printable(text)).replacingOccurrences(of: "\n", with: " ")
    }
}
