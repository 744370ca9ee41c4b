import Foundation
import Gradebook
import Grading
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import GroundworkWeb

/// `/readiness` and its API: verdicts from the gradebook, the checklist ticked by a form that
/// needs no script, and bad requests refused without recording anything.
struct ReadinessPageTests {
    @Test func thePageShowsEachPlatformsVerdictTheSkillsAndTheChecklist() async throws {
        let fixture = try await WebFixture()
        try fixture.practiseSentiment { _ in true }
        try await fixture.test { client in
            let page = try await client.get("/readiness")
            #expect(page.status == .ok)
            let html = page.text
            for name in ["Appen", "Amazon Mechanical Turk", "Toloka", "Pareto", "Prolific", "Remotasks (Scale AI)"] {
                #expect(html.contains(">\(name) <span class=\"verdict"), "\(name) has a verdict")
            }
            #expect(html.contains("16 items: 16 practice, 0 exam"))
            #expect(html.contains("<span class=\"verdict ready\">ready</span>"), "16 of 16 right clears the 80% pass mark")
            #expect(html.contains("Little is publicly known about its tests (as of 2025)"))
            #expect(html.contains("<form method=\"post\" action=\"/readiness/checklist\">"))
            #expect(html.contains("<a href=\"/readiness\">Readiness</a>"))

            let json = try await client.get("/api/readiness")
            let skills = try #require(json.json["skills"] as? [[String: Any]])
            let sentiment = try #require(skills.first { $0["skillID"] as? String == "sentiment" })
            #expect(sentiment["items"] as? Int == 16 && sentiment["verdict"] as? String == "ready")
            #expect((json.json["platforms"] as? [Any])?.count == 10)
        }
    }

    @Test func theChecklistIsTickedByFormAndByAPIAndUnknownEntriesAreRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            _ = try await client.get("/readiness")
            let ticked = try await client.post("/readiness/checklist", form: [("entry", "profile"), ("checked", "true")])
            #expect(ticked.status == .seeOther)
            #expect(ticked.headers[.location] == "/readiness#checklist")
            #expect(try await client.get("/readiness").text.contains("1 of 8 done"))
            let unknown = try await client.post("/readiness/checklist", form: [("entry", "profil"), ("checked", "true")])
            #expect(unknown.status == .notFound)
            _ = try await client.get("/api/session")
            let api = try await client.postJSON("/api/readiness/checklist/never-pay", #"{"checked": true}"#)
            #expect(api.status == .ok)
            let wrong = try await client.postJSON("/api/readiness/checklist/profile", #"{"checked": "yes"}"#)
            #expect(wrong.status == .unprocessableContent)
            let untick = try await client.postJSON("/api/readiness/checklist/profile", #"{"checked": false}"#)
            #expect(untick.status == .ok)
        }
        #expect(try fixture.book.checklistMarks().keys.sorted() == ["never-pay"])
    }
}

extension WebFixture {
    /// A practice run of the sentiment quiz (or the test `id`), the k-th item shown (0-based)
    /// answered with its gold when `right(k)` and blank otherwise, each after `seconds` more
    /// on `clock`.
    func practiseSentiment(
        _ id: String = "sentiment-quiz", clock: PayTestClock? = nil, seconds: Double = 0, right: (Int) -> Bool
    ) throws {
        let test = try site.catalog.assessment(id: id)
        guard case .started(let record) = try book.begin(test, seed: 1, holder: "t", purpose: .practice) else {
            throw ReadinessTestFailure("practice did not start")
        }
        var attempt = try RecordedAttempt.load(record, of: test.running(as: .practice), in: book, holder: "t")
        var shown = 0
        while let item = attempt.session.current {
            clock?.advance(seconds)
            _ = try attempt.answer(right(shown) ? item.content.goldResponses.first : item.content.emptyResponse)
            shown += 1
        }
        _ = try attempt.finish()
    }
}

struct ReadinessTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
