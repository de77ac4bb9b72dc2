import XCTest

@testable import TrainingKit

final class XXHash64Tests: XCTestCase {
    /// Digests from the reference implementation (python-xxhash 3), covering every tail length path.
    func testMatchesTheReferenceImplementation() {
        let cases: [([UInt8], String)] = [
            ([], "ef46db3751d8e999"),
            (Array("a".utf8), "d24ec4f1a98c6e5b"),
            (Array("abc".utf8), "44bc2cf5ad770999"),
            (Array(0..<20), "a3e3fbe96798d8ac"),
            (Array("Nobody inspects the spammish repetition".utf8), "fbcea83c8a378bf1"),
            (Array(0..<50), "21044de93561a992"),
            (Array(repeating: Array(0...255), count: 3).flatMap { $0 } + Array("xyz12".utf8), "9b7d50c047818b1b"),
        ]
        for (bytes, expected) in cases {
            XCTAssertEqual(XXHash64.hexDigest(bytes), expected, "\(bytes.count) bytes")
        }
    }

    func testEveryOneByteChangeChangesTheDigest() {
        let text = Array("id: demo\ntitle: A module\nversion: 1.0.0\nquestions:\n  - id: q1\n".utf8)
        let original = XXHash64.digest(text)
        for index in text.indices {
            var changed = text
            changed[index] ^= 0x01
            XCTAssertNotEqual(original, XXHash64.digest(changed), "flipping byte \(index) kept the digest")
        }
    }
}
