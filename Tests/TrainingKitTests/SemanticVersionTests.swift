import XCTest

@testable import TrainingKit

final class SemanticVersionTests: XCTestCase {
    /// The parser as it was before it read bytes (Characters, `split`, `Int`), kept as the reference.
    private func reference(_ text: String) -> SemanticVersion? {
        var core = Substring(text)
        var pre: String?
        if let dash = text.firstIndex(of: "-") {
            core = text[..<dash]
            let rest = text[text.index(after: dash)...]
            guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            else { return nil }
            pre = String(rest)
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part == "0" || !part.hasPrefix("0"), let value = Int(part)
            else { return nil }
            numbers.append(value)
        }
        return SemanticVersion(major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease: pre)
    }

    /// Every text built from these pieces parses (or fails) exactly as the reference does.
    func testTheByteParserAgreesWithTheReference() {
        let numbers = ["0", "1", "00", "01", "10", "123456789", "1234567890", "", "x", "٣", "1\u{301}"]
        let tails = ["", "-", "-beta.1", "-rc-2", "-é", "-\u{301}", "-a b", "-a_b", ".4", "\r\n", " "]
        var checked = 0
        for major in numbers {
            for minor in ["0", "2", "02", ""] {
                for patch in numbers {
                    for tail in tails {
                        let text = "\(major).\(minor).\(patch)\(tail)"
                        XCTAssertEqual(SemanticVersion(text), reference(text), "'\(text)'")
                        checked += 1
                    }
                }
            }
        }
        for text in ["", "1", "1.2", "1.2.3", "v1.2.3", "1.2.3.", ".1.2", "1..2", "-1.2.3", "1.2.3--", "1.2-3.4", "999999999.0.0"] {
            XCTAssertEqual(SemanticVersion(text), reference(text), "'\(text)'")
        }
        XCTAssertGreaterThan(checked, 5_000)
        XCTAssertEqual(SemanticVersion("2.10.3-beta.1"), SemanticVersion(major: 2, minor: 10, patch: 3, prerelease: "beta.1"))
    }
}
