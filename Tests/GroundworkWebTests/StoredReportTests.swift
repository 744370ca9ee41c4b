import Foundation
import Gradebook
import Grading
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import GroundworkWeb

/// Reports stored in a gradebook before report version 4 still show on the report page.
@Suite struct StoredReportTests {
    @Test(arguments: ["street-boxes-format1.json", "street-boxes-format3.json"])
    func aReportStoredInAnOlderFormatStillShows(file: String) async throws {
        let fixture = try await WebFixture()
        let legacy = try String(contentsOfFile: WebFixture.root + "/Tests/GradingTests/Fixtures/Reports/" + file, encoding: .utf8)
        let test = try fixture.site.assessment("street-boxes")
        guard case .started(let record) = try fixture.book.begin(test, seed: 1, holder: "test"), let id = record.id else {
            Issue.record("the attempt did not start")
            return
        }
        try fixture.book.finishAttempt(id, holder: "test", status: .submitted, score: 0, passed: false, resultJSON: legacy)
        try await fixture.test { client in
            let page = try await client.get("/attempts/\(id)/report")
            #expect(page.status == .ok)
            #expect(page.text.contains("0 correct, 0 partly correct, 1 wrong, 0 unanswered (of 1)"))
            #expect(page.text.contains("IoU 0.67"))
        }
    }
}
