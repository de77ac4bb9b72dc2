import Foundation
import XCTest

@testable import TrainingKit

/// The byte-level checks that decoding runs on every field agree with the Character-level ones they replaced.
final class DecodingFastPathTests: XCTestCase {
    /// Texts built from ASCII and Unicode pieces, including combining marks and line breaks.
    private var texts: [String] {
        let pieces = ["", "a", "z", "0", "9", "-", "--", " ", "\t", "\r\n", "\u{A0}", "\u{2003}", "\u{301}", "é", "A", "_", "{", "{{", "}", "x{", "ß"]
        var result: [String] = []
        for first in pieces {
            for second in pieces {
                for third in ["", "b", "-", " ", "{", "\u{85}"] { result.append(first + second + third) }
            }
        }
        return result + [String(repeating: "a", count: 64), String(repeating: "a", count: 65), "a-" + String(repeating: "b", count: 62)]
    }

    func testKebabCaseAgreesWithTheCharacterRule() {
        func reference(_ text: String) -> Bool {
            guard !text.isEmpty, text.count <= 64, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
            return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        for text in texts { XCTAssertEqual(NodeDecoder.isKebabCase(text), reference(text), "'\(text)'") }
    }

    func testBlankAgreesWithCharacterWhitespace() {
        for text in texts { XCTAssertEqual(text.isBlank, text.allSatisfy(\.isWhitespace), "\(Array(text.unicodeScalars))") }
    }

    func testPlaceholderScanAgreesWithASubstringSearch() {
        for text in texts { XCTAssertEqual(Placeholder.mayContain(text), text.utf8.elementsEqualSubsequence([0x7B, 0x7B]), "'\(text)'") }
    }
}

extension String.UTF8View {
    /// Whether the bytes contain `needle` as a contiguous run.
    fileprivate func elementsEqualSubsequence(_ needle: [UInt8]) -> Bool {
        let bytes = Array(self)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }
}
