import Foundation

/// One `{{…}}` occurrence in a text.
public struct Placeholder: Hashable, Sendable {
    /// The text as written, braces included.
    public var raw: String
    /// The fact key for a well-formed `{{site.key}}`, else nil.
    public var key: String?

    /// Whether a text contains `{{` (a byte scan: this runs on every text field of every module).
    public static func mayContain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            for index in 1..<bytes.count where bytes[index] == 0x7B && bytes[index - 1] == 0x7B { return true }
            return false
        }
    }

    /// Every `{{…}}` in a text, in order.
    public static func scan(_ text: String) -> [Placeholder] {
        guard mayContain(text) else { return [] }
        var result: [Placeholder] = []
        var text = text
        text.withUTF8 { bytes in
            forEach(in: bytes) { range, closed, key in
                // An unclosed one is shown by its first 30 bytes.
                let raw = String(decoding: closed ? bytes[range] : bytes[range].prefix(30), as: UTF8.self)
                result.append(Placeholder(raw: raw, key: key))
            }
        }
        return result
    }

    /// The text with every well-formed placeholder replaced by its fact; unknown ones are left as written.
    ///
    /// One pass over the bytes (a fact's value is never itself searched for placeholders).
    public static func fill(_ text: String, facts: [String: String]) -> String {
        guard mayContain(text) else { return text }
        var result: [UInt8] = []
        var copied = 0
        var text = text
        text.withUTF8 { bytes in
            forEach(in: bytes) { range, _, key in
                guard let key, let value = facts[key] else { return }
                if result.isEmpty { result.reserveCapacity(bytes.count) }
                result.append(contentsOf: bytes[copied..<range.lowerBound])
                result.append(contentsOf: value.utf8)
                copied = range.upperBound
            }
            if copied > 0 { result.append(contentsOf: bytes[copied...]) }
        }
        return copied > 0 ? String(decoding: result, as: UTF8.self) : text
    }

    /// Calls `body` with each `{{…}}` in `bytes`: its byte range (an unclosed one runs to the end,
    /// and is the last), whether it is closed, and its fact key when it is a well-formed `{{ site.key }}`.
    private static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Bool, String?) -> Void) {
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == 0x7B, bytes[index + 1] == 0x7B else {
                index += 1
                continue
            }
            var close = index + 2
            while close + 1 < bytes.count, !(bytes[close] == 0x7D && bytes[close + 1] == 0x7D) { close += 1 }
            guard close + 1 < bytes.count else {
                body(index..<bytes.count, false, nil)
                return
            }
            body(index..<(close + 2), true, key(bytes[(index + 2)..<close]))
            index = close + 2
        }
    }

    /// The fact key between the braces of a well-formed `{{ site.key }}`.
    private static func key(_ inner: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        var inner = inner
        while inner.first == 0x20 { inner = inner.dropFirst() }
        while inner.last == 0x20 { inner = inner.dropLast() }
        let prefix: [UInt8] = Array("site.".utf8)
        guard inner.starts(with: prefix) else { return nil }
        let name = inner.dropFirst(prefix.count)
        guard !name.isEmpty, name.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }) else { return nil }
        return String(decoding: name, as: UTF8.self)
    }
}
