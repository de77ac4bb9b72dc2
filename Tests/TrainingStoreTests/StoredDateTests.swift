import Foundation
import XCTest

@testable import TrainingStore

/// The text form of dates: GRDB's format, exact to the millisecond.
final class StoredDateTests: XCTestCase {
    func testKnownInstants() {
        let cases: [(Int64, String)] = [
            (0, "1970-01-01 00:00:00.000"),
            (-1, "1969-12-31 23:59:59.999"),
            (1_700_000_000_123, "2023-11-14 22:13:20.123"),
            (951_782_400_000, "2000-02-29 00:00:00.000"),
            (4_107_542_399_999, "2100-02-28 23:59:59.999"),
            (-62_135_596_800_000, "0001-01-01 00:00:00.000"),
        ]
        for (milliseconds, text) in cases {
            XCTAssertEqual(StoredDate.text(Fixture.date(milliseconds)), text)
            XCTAssertEqual(StoredDate.date(text), Fixture.date(milliseconds), text)
        }
    }

    func testWholeMillisecondsComeBackExactly() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let date = Fixture.date(Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator))
            XCTAssertEqual(StoredDate.date(StoredDate.text(date)), date)
        }
    }

    func testFinerDatesRoundToTheNearestMillisecond() {
        XCTAssertEqual(StoredDate.text(Date(timeIntervalSince1970: 1_700_000_000.1234)), "2023-11-14 22:13:20.123")
        XCTAssertEqual(StoredDate.text(Date(timeIntervalSince1970: 1_700_000_000.9996)), "2023-11-14 22:13:21.000")
    }

    func testOtherSpellingsAreRead() {
        XCTAssertEqual(StoredDate.date("2023-11-14T22:13:20.123"), Fixture.date(1_700_000_000_123))
        XCTAssertEqual(StoredDate.date("2023-11-14 22:13:20"), Fixture.date(1_700_000_000_000))
        XCTAssertEqual(StoredDate.date("2023-11-14 22:13:20.1"), Fixture.date(1_700_000_000_100))
        XCTAssertEqual(StoredDate.date("2023-11-14 22:13:20.123456"), Fixture.date(1_700_000_000_123))
    }

    func testMalformedTextIsRefused() {
        for text in [
            "", "2023-11-14", "2023-13-14 22:13:20.123", "2023-11-14 25:13:20.123", "2023/11/14 22:13:20",
            "2023-11-14 22:13:20.", "2023-11-14 22:13:20.12x", "yyyy-mm-dd hh:mm:ss.sss",
        ] {
            XCTAssertNil(StoredDate.date(text), text)
        }
    }

    func testOutOfRangeDatesAreClamped() {
        XCTAssertEqual(StoredDate.text(.distantFuture), "4001-01-01 00:00:00.000")
        XCTAssertEqual(StoredDate.text(Date(timeIntervalSince1970: 1e15)), "9999-12-31 23:59:59.999")
        XCTAssertEqual(StoredDate.text(Date(timeIntervalSince1970: .nan)), "1970-01-01 00:00:00.000")
        XCTAssertEqual(StoredDate.text(Date(timeIntervalSince1970: -1e15)), "0000-01-01 00:00:00.000")
    }
}
