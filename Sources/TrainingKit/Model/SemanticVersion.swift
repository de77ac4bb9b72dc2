/// A semantic version `MAJOR.MINOR.PATCH` with an optional pre-release part.
public struct SemanticVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int
    public var prerelease: String?

    public init(major: Int, minor: Int, patch: Int, prerelease: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    /// Parses `1.2.3` or `1.2.3-beta.1`; nil when the text is not a semantic version.
    ///
    /// Each number is 1–9 digits without a leading zero (but `0`); the pre-release part after the
    /// first `-` is ASCII letters, digits, `.` and `-`. Read from the UTF-8 bytes: reports parse one
    /// version per attempt.
    public init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8(Self.parse) else { return nil }
        self = parsed
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> SemanticVersion? {
        let dash = bytes.firstIndex(of: 0x2D) ?? bytes.count
        var numbers = [0, 0, 0]
        var part = 0
        var digits = 0
        var leadingZero = false
        for byte in bytes[..<dash] {
            if byte == 0x2E {
                guard digits > 0, part < 2 else { return nil }
                part += 1
                digits = 0
                continue
            }
            guard byte >= 0x30, byte <= 0x39, digits < 9, !leadingZero || digits == 0 else { return nil }
            leadingZero = digits == 0 && byte == 0x30
            numbers[part] = (digits == 0 ? 0 : numbers[part] * 10) + Int(byte - 0x30)
            digits += 1
        }
        guard part == 2, digits > 0 else { return nil }
        var prerelease: String?
        if dash < bytes.count {
            let rest = bytes[(dash + 1)...]
            guard !rest.isEmpty, rest.allSatisfy(Self.isPrereleaseByte) else { return nil }
            prerelease = String(decoding: rest, as: UTF8.self)
        }
        return SemanticVersion(major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease: prerelease)
    }

    /// An ASCII letter, digit, `.` or `-`.
    private static func isPrereleaseByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2E || byte == 0x2D
    }

    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.map { "-\($0)" } ?? "")
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.prerelease, rhs.prerelease) {
        case (nil, nil), (nil, _?): return false
        case (_?, nil): return true
        case (let a?, let b?): return a < b
        }
    }
}
