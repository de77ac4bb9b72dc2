import XCTest

@testable import TrainingKit

final class AnswerPositionsTests: XCTestCase {
    /// `positions(in:count:)` as it was before numbers were read from bytes, kept as the reference.
    private func reference(_ text: String, count: Int) -> [Int]? {
        let tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
        if tokens.count == 1, let only = tokens.first, only.count > 1, count <= 26, Int(only) == nil {
            return reference(only.map(String.init).joined(separator: " "), count: count)
        }
        var result: [Int] = []
        for token in tokens {
            guard let position = AnswerParser.position(of: token, count: count) else { return nil }
            result.append(position)
        }
        return result
    }

    /// Inputs of digits and separators (the fast path) and others give the reference's positions.
    func testNumbersReadFromBytesAgreeWithTheReference() {
        let pieces = ["1", "2", "3", "0", "9", "10", "01", "27", "123456789", "1234567890", "99999999999999999999", " ", ",", ";", "a", "c", "1.", "b)"]
        for count in [0, 1, 3, 10, 30] {
            for first in pieces {
                for second in pieces {
                    for third in ["", " ", "4", ",2", "; 3"] {
                        let text = first + second + third
                        XCTAssertEqual(AnswerParser.positions(in: text, count: count), reference(text, count: count), "'\(text)' of \(count)")
                    }
                }
            }
        }
    }
}
