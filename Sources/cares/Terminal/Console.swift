import Foundation

/// The learner's terminal: writes wrapped, optionally coloured text and reads answers.
final class Console: @unchecked Sendable {
    let terminal: Terminal
    private let reader = LineReader()
    /// Whether standard input is a terminal (then prompts wait for a person).
    let isInteractive: Bool

    init(plain: Bool) {
        terminal = .standardOutput(plain: plain)
        isInteractive = isatty(STDIN_FILENO) == 1
    }

    /// The width used for reading text: the terminal's, at most 100 columns.
    var textWidth: Int { max(20, min(terminal.width, 100)) - 1 }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func line(_ text: String = "") {
        write(text + "\n")
    }

    /// Module text (Markdown subset) wrapped to the terminal width, indented by `indent` spaces.
    func rich(_ text: String, indent: Int = 0) {
        line(TextWrapper(width: textWidth, terminal: terminal).render(text, indent: indent))
    }

    /// Plain text wrapped to the width, with a hanging indent for continuation lines.
    func wrapped(_ text: String, indent: Int = 0, hanging: Int? = nil, style: Terminal.Style? = nil) {
        let wrapped = TextWrapper(width: textWidth, terminal: terminal).wrap(text, indent: indent, hanging: hanging ?? indent)
        line(style.map { terminal.style(wrapped, $0) } ?? wrapped)
    }

    /// A section heading such as `── Lesson 1 of 4 · Title ───`; when plain, the title alone on its line.
    func heading(_ title: String) {
        if terminal.plain {
            line()
            line(DiagnosticPrinter.printable(title))
            return
        }
        let text = "── " + DiagnosticPrinter.printable(title) + " "
        let fill = max(3, textWidth - text.count)
        line()
        line(terminal.style(text + String(repeating: "─", count: fill), .bold))
    }

    /// Shows a prompt and waits for one line; nil at end of input.
    func ask(_ prompt: String) async -> String? {
        let wrapped = TextWrapper(width: textWidth - 1, terminal: terminal).wrap(prompt)
        write(terminal.style(wrapped, .bold) + " ")
        let answer = await reader.next()
        if !isInteractive { line() }
        return answer
    }
}
