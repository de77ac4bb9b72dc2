import Foundation

/// One `{{…}}` occurrence in a text.
public struct Placeholder: Hashable, Sendable {
    /// The text as written, braces included.
    public var raw: String
    /// The fact key for a well-formed `{{site.key}}`, else nil.
    public var key: String?

    /// Whether a text contains `{{` (a byte scan: this runs on every text field of every module).
    public static func mayContain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x7B && previous == 0x7B { return true }
            previous = byte
        }
        return false
    }

    /// Every `{{…}}` in a text, in order.
    public static func scan(_ text: String) -> [Placeholder] {
        guard mayContain(text) else { return [] }
        let bytes = Array(text.utf8)
        var result: [Placeholder] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == 0x7B, bytes[index + 1] == 0x7B else {
                index += 1
                continue
            }
            var close = index + 2
            while close + 1 < bytes.count, !(bytes[close] == 0x7D && bytes[close + 1] == 0x7D) { close += 1 }
            guard close + 1 < bytes.count else {
                let raw = String(decoding: bytes[index...].prefix(30), as: UTF8.self)
                result.append(Placeholder(raw: raw, key: nil))
                break
            }
            let raw = String(decoding: bytes[index..<(close + 2)], as: UTF8.self)
            var inner = bytes[(index + 2)..<close]
            while inner.first == 0x20 { inner = inner.dropFirst() }
            while inner.last == 0x20 { inner = inner.dropLast() }
            var key: String?
            let prefix = Array("site.".utf8)
            if inner.starts(with: prefix) {
                let name = inner.dropFirst(prefix.count)
                if !name.isEmpty, name.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }) {
                    key = String(decoding: name, as: UTF8.self)
                }
            }
            result.append(Placeholder(raw: raw, key: key))
            index = close + 2
        }
        return result
    }

    /// The text with every well-formed placeholder replaced by its fact; unknown ones are left as written.
    ///
    /// One pass over the bytes (a fact's value is never itself searched for placeholders).
    public static func fill(_ text: String, facts: [String: String]) -> String {
        guard mayContain(text) else { return text }
        var result: [UInt8] = []
        var changed = false
        var text = text
        text.withUTF8 { bytes in
            result.reserveCapacity(bytes.count)
            var copied = 0
            var index = 0
            while index + 1 < bytes.count {
                guard bytes[index] == 0x7B, bytes[index + 1] == 0x7B else {
                    index += 1
                    continue
                }
                var close = index + 2
                while close + 1 < bytes.count, !(bytes[close] == 0x7D && bytes[close + 1] == 0x7D) { close += 1 }
                guard close + 1 < bytes.count else { break }
                if let key = key(bytes[(index + 2)..<close]), let value = facts[key] {
                    result.append(contentsOf: bytes[copied..<index])
                    result.append(contentsOf: value.utf8)
                    copied = close + 2
                    changed = true
                }
                index = close + 2
            }
            if changed { result.append(contentsOf: bytes[copied...]) }
        }
        return changed ? String(decoding: result, as: UTF8.self) : text
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
