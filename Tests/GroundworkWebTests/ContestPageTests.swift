import Foundation
import Gradebook
import Grading
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GroundworkWeb

/// The report's contest form and the home page's notice of the mentor's answer.
struct ContestPageTests {
    /// A finished sentiment-quiz exam answered POSITIVE throughout; returns its id.
    private func finishedAttempt(_ fixture: WebFixture) throws -> Int64 {
        let test = try fixture.site.assessment("sentiment-quiz")
        guard case .started(let record) = try fixture.book.begin(test, seed: 1, holder: Site.holder) else {
            throw WebTestFailure("the attempt did not start")
        }
        var attempt = try RecordedAttempt.load(record, of: test, in: fixture.book, holder: Site.holder)
        while attempt.session.current != nil { _ = try attempt.answer(.singleChoice("POSITIVE")) }
        _ = try attempt.finish()
        return attempt.id
    }

    @Test func aLearnerContestsAReleasedGoldFromTheReportAndReadsTheAnswerAtHome() async throws {
        let fixture = try await WebFixture()
        let id = try finishedAttempt(fixture)
        let number = try #require(try fixture.book.attempt(id: id)?.itemIDs.firstIndex(of: "q3")) + 1
        try await fixture.test { client in
            let report = try await client.get("/attempts/\(id)/report")
            #expect(report.text.contains("<summary>I think the gold is wrong</summary>"))
            #expect(report.text.contains("<label for=\"contest-\(number)\">"))

            let empty = try await client.post("/attempts/\(id)/contest", form: [("item", "q3"), ("reason", " ")])
            #expect(empty.status == .unprocessableContent)
            let filed = try await client.post("/attempts/\(id)/contest", form: [("item", "q3"), ("reason", "It praises and complains.")])
            #expect(filed.status == .seeOther)
            #expect(filed.headers[.location] == "/attempts/\(id)/report#item-\(number)")
            let after = try await client.get("/attempts/\(id)/report")
            #expect(after.text.contains("You contested this gold (#1): waiting for a mentor."))
            let missing = try await client.post("/attempts/999/contest", form: [("item", "q3"), ("reason", "x")])
            #expect(missing.status == .notFound)

            _ = try fixture.site.gradebook.reject(contestID: 1, reply: "Both feelings are there, but the rule says MIXED only when…")
            let home = try await client.get("/")
            #expect(home.text.contains("<h2 id=\"gold-notices\">Gold answers changed</h2>"))
            #expect(home.text.contains("Your contest #1 on item &#39;q3&#39; of &#39;sentiment-quiz&#39; was rejected; the gold stands."))
        }
    }

    @Test func theAPIFilesAContestAndRefusesOneWithoutAReason() async throws {
        let fixture = try await WebFixture()
        let id = try finishedAttempt(fixture)
        try await fixture.test { client in
            let filed = try await client.postJSON("/api/attempts/\(id)/contests", #"{"item": "q3", "reason": "It praises and complains."}"#)
            #expect(filed.status == .created, "\(filed.text)")
            #expect(filed.json["id"] as? Int == 1 && filed.json["item"] as? String == "q3" && filed.json["status"] as? String == "open")
            let again = try await client.postJSON("/api/attempts/\(id)/contests", #"{"item": "q3", "reason": "Again."}"#)
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("you already contested item 'q3'"))
            let noReason = try await client.postJSON("/api/attempts/\(id)/contests", #"{"item": "q4"}"#)
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("'reason' must be a string"))
        }
        #expect(try fixture.site.gradebook.contests(status: .open).map(\.itemID) == ["q3"])
    }
}

struct WebTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
