import Foundation

/// What the output stream can show: colour or not, and how wide it is.
struct Terminal: Sendable {
    /// Text emphasis; each maps to an ANSI style only when colour is on.
    enum Style: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
        case boldRed = "1;31"
        case boldGreen = "1;32"
        case boldYellow = "1;33"
    }

    var useColour: Bool
    /// Columns available for wrapped text.
    var width: Int
    /// Text only, for screen readers and dumb terminals: no box-drawing, block or symbol glyphs
    /// (headings are plain lines, bullets are dashes, marks are words) and no escape sequences.
    var plain = false

    /// The bullet before a list item: `•`, or `-` when plain.
    var bullet: String { plain ? "-" : "•" }

    /// The terminal for standard output: colour only on a TTY, never with `--plain`, `NO_COLOR` or `TERM=dumb`,
    /// which also make the output plain text.
    static func standardOutput(plain: Bool) -> Terminal {
        let environment = ProcessInfo.processInfo.environment
        let isTTY = isatty(STDOUT_FILENO) == 1
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return Terminal(
            useColour: isTTY && !plain && !noColour && !dumb, width: columns(isTTY: isTTY), plain: plain || noColour || dumb)
    }

    /// The window width from the terminal, else `$COLUMNS`, else 80.
    static func columns(isTTY: Bool) -> Int {
        if isTTY {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let value = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(value), columns > 0 {
            return columns
        }
        return 80
    }

    /// The width a report table fits on a terminal: `$COLUMNS` if set, else the window's, else 80.
    static func tableWidth() -> Int {
        if let value = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(value), columns > 0 {
            return columns
        }
        return Self.columns(isTTY: true)
    }

    /// The text wrapped in an ANSI style when colour is on.
    func style(_ text: String, _ style: Style) -> String {
        useColour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
