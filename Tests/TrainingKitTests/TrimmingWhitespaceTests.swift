import XCTest

@testable import TrainingKit

final class TrimmingWhitespaceTests: XCTestCase {
    /// The ASCII fast path trims exactly what trimming by `Character.isWhitespace` trims.
    func testTheFastPathAgreesWithCharacterTrimming() {
        func slow(_ text: String) -> String {
            var slice = Substring(text)
            while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
            while slice.last?.isWhitespace == true { slice = slice.dropLast() }
            return String(slice)
        }
        let ends = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "é", "e\u{301}", "\r\n"]
        for first in ends {
            for last in ends {
                for middle in ["", "1a 2b", " a ", "\u{1F}"] {
                    let text = first + middle + last
                    XCTAssertEqual(text.trimmingWhitespace(), slow(text), "\(Array(text.unicodeScalars))")
                }
            }
        }
    }
}
