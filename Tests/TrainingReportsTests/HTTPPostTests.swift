import XCTest

@testable import TrainingReports

final class HTTPPostTests: XCTestCase {
    func testHeadersComeFromTheLastResponseWithCRLFAndCaseIgnored() {
        let text =
            "HTTP/1.1 200 Connection established\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 429 Too Many Requests\r\nRetry-After:  7 \r\ncontent-type: application/json\r\nX-Empty:\r\n\r\n"
        let response = HTTPPost.Response(status: 429, headers: HTTPPost.parseHeaders(text), body: [])
        XCTAssertEqual(response.headers.count, 3)
        XCTAssertEqual(response.header("retry-after"), "7")
        XCTAssertEqual(response.header("Content-Type"), "application/json")
        XCTAssertEqual(response.header("X-Empty"), "")
        XCTAssertNil(response.header("Location"))
    }

    func testAFailureWithoutLibcurlOrWithoutAServerIsAValueNotACrash() async {
        do {
            _ = try await HTTPPost(timeout: 5, connectTimeout: 5).send(to: "http://127.0.0.1:9/statements", headers: [], body: [])
            XCTFail("nothing listens on the discard port")
        } catch let failure as HTTPPost.Failure {
            XCTAssertFalse(failure.message.isEmpty)
        } catch {
            XCTFail("unexpected \(error)")
        }
    }
}
