import Foundation
import XCTest

@testable import TrainingStore

/// Stored UUID text is read byte by byte, exactly as Foundation reads it.
final class StoredIDTests: XCTestCase {
    func testStoredIDsReadBackAsFoundationReadsThem() {
        for _ in 0..<1_000 {
            let id = UUID()
            XCTAssertEqual(StoredID.uuid(StoredID.text(id)), id)
            XCTAssertEqual(StoredID.uuid(id.uuidString), id, "upper case too")
        }
        for bad in [
            "", "6b0cf4a2-6d3c-4f0a-9a55-0c2a6d2f8e4", "6b0cf4a2-6d3c-4f0a-9a55-0c2a6d2f8e411", "6b0cf4a2x6d3c-4f0a-9a55-0c2a6d2f8e41",
            "6b0cf4a2-6d3c-4f0a-9a55-0c2a6d2f8e4g", "6b0cf4a26d3c4f0a9a550c2a6d2f8e41abcd", "6b0cf4a2-6d3c-4f0a-9a55-0c2a6d2f8é1",
        ] {
            XCTAssertNil(StoredID.uuid(bad), bad)
            XCTAssertNil(UUID(uuidString: bad), "Foundation refuses \(bad) too")
        }
    }
}
