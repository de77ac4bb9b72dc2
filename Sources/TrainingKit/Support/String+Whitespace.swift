extension String {
    /// The string without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        // Nothing to trim when both ends are printable ASCII (most input): no Character work.
        if let first = utf8.first, let last = utf8.last, Self.isPlainASCII(first), Self.isPlainASCII(last) { return self }
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }

    /// Whether the string is empty or only whitespace (`Character.isWhitespace`).
    var isBlank: Bool {
        // A printable ASCII byte anywhere settles it without Character work.
        if utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return false }
        return allSatisfy(\.isWhitespace)
    }

    /// An ASCII byte that is not whitespace (space, tab, line feed, vertical tab, form feed, return).
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }
}
