import Foundation
import Gradebook
import Grading
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GroundworkWeb

/// Going back in the browser and the API on a `navigation: nonlinear` test (the shipped
/// Mechanical Turk qualification): revisiting an item, changing its answer, flags, the review
/// list; and a forward-only test refusing all three.
@Suite struct NavigationPageTests {
    static func choiceIDs(_ item: Item) -> (gold: String, wrong: String)? {
        guard case .singleChoice(let id)? = item.content.goldResponses.first, case .singleChoice(let task) = item.content.task,
            let wrong = task.options.first(where: { $0.id != id })
        else { return nil }
        return (id, wrong.id)
    }

    @Test func aLearnerGoesBackFlagsChangesAnAnswerAndSubmits() async throws {
        let fixture = try await WebFixture()
        let test = try fixture.site.assessment("mturk-categorisation")
        try await fixture.test { client in
            let started = try await client.postJSON("/api/assessments/mturk-categorisation/attempts", "{}")
            #expect(started.json["navigation"] as? String == "nonlinear")
            let id = try #require(started.json["attempt"] as? Int)
            let record = try #require(try fixture.book.attempt(id: Int64(id)))
            let items = record.itemIDs.compactMap(test.item)
            let first = try #require(Self.choiceIDs(items[0]))
            // Item 1 wrong, then every other item right.
            _ = try await client.postJSON("/api/attempts/\(id)/answers", #"{"itemID": "\#(items[0].id)", "response": "\#(first.wrong)"}"#)
            for item in items.dropFirst() {
                let ids = try #require(Self.choiceIDs(item))
                let saved = try await client.postJSON(
                    "/api/attempts/\(id)/answers", #"{"itemID": "\#(item.id)", "response": "\#(ids.gold)"}"#)
                #expect(saved.status == .ok, "\(saved.text)")
            }
            let review = try await client.get("/attempts/\(id)")
            #expect(review.text.contains("Review before you submit"))
            #expect(review.text.contains("href=\"/attempts/\(id)/items/1\""))
            // Back to item 1: its answer now is shown, and it can be flagged.
            let page = try await client.get("/attempts/\(id)/items/1")
            #expect(page.status == .ok)
            #expect(page.text.contains("Your answer now:"))
            #expect(page.text.contains("Flag for review"))
            let flagged = try await client.post("/attempts/\(id)/flag", form: [("item", items[0].id), ("flagged", "1")])
            #expect(flagged.status == .seeOther)
            #expect(flagged.headers[.location] == "/attempts/\(id)/items/1")
            #expect(try await client.get("/attempts/\(id)/items/1").text.contains("⚑ Flagged"))
            #expect(try await client.get("/attempts/\(id)/review").text.contains("⚑ flagged"))
            // The changed answer replaces the first; the page goes back to the review list.
            let changed = try await client.post("/attempts/\(id)/answer", form: [("item", items[0].id), ("choice", first.gold)])
            #expect(changed.status == .seeOther)
            #expect(try await client.get("/attempts/\(id)").text.contains("Review before you submit"))
            _ = try await client.post("/attempts/\(id)/submit", form: [])
        }
        let finished = try #require(try fixture.book.attempts(assessmentID: "mturk-categorisation").first)
        #expect(finished.status == .submitted)
        #expect(finished.score == 1)
        #expect(try fixture.book.flaggedItems(attemptID: finished.id).count == 1)
    }

    @Test func reportsAndHistoryCountAttemptsPerTestAndPurpose() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            _ = try await client.post("/tests/sentiment-quiz/practice", form: [])
            _ = try await client.post("/attempts/1/submit", form: [])
            _ = try await client.post("/tests/sentiment-quiz/start", form: [])
            _ = try await client.post("/attempts/2/submit", form: [])
            let report = try await client.get("/attempts/2/report")
            #expect(report.text.contains("Attempt 1 (#2), started"))
            let practice = try await client.get("/attempts/1/report")
            #expect(practice.text.contains("Practice 1 (#1), started"))
            let history = try await client.get("/history")
            #expect(history.text.contains("<td>Attempt 1 (#2)</td>"))
            #expect(history.text.contains("<td>Practice 1 (#1)</td>"))
        }
    }

    @Test func theAPIFlagsAndRefusesBadFlags() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let started = try await client.postJSON("/api/assessments/mturk-categorisation/attempts", "{}")
            let id = try #require(started.json["attempt"] as? Int)
            let itemID = try #require((started.json["item"] as? [String: Any])?["id"] as? String)
            let flagged = try await client.postJSON("/api/attempts/\(id)/flags", #"{"itemID": "\#(itemID)", "flagged": true}"#)
            #expect(flagged.status == .ok)
            #expect(flagged.json["flagged"] as? Bool == true)
            let review = try #require(flagged.json["review"] as? [[String: Any]])
            #expect(review.count == 12)
            #expect(review.filter { $0["flagged"] as? Bool == true }.count == 1)
            #expect(review.allSatisfy { $0["state"] as? String == "not-answered" })
            // Each line names its item by the prompt's first words, Markdown removed ("**Title:** …").
            #expect(review.allSatisfy { ($0["summary"] as? String)?.hasPrefix("Title: ") == true })
            let unknown = try await client.postJSON("/api/attempts/\(id)/flags", #"{"itemID": "nope", "flagged": true}"#)
            #expect(unknown.status == .unprocessableContent)
            let notBool = try await client.postJSON("/api/attempts/\(id)/flags", #"{"itemID": "\#(itemID)", "flagged": "yes"}"#)
            #expect(notBool.status == .unprocessableContent)
            #expect(notBool.text.contains("'flagged' must be true or false"))
            #expect(try await client.get("/attempts/\(id)/items/13").status == .notFound)
            #expect(try await client.get("/attempts/\(id)/items/x").status == .notFound)
        }
    }

    @Test func aForwardOnlyTestRefusesGoingBackAndFlags() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let started = try await client.postJSON("/api/assessments/sentiment-quiz/attempts", "{}")
            #expect(started.json["navigation"] as? String == "linear")
            #expect(started.json["review"] == nil || started.json["review"] is NSNull)
            let id = try #require(started.json["attempt"] as? Int)
            let itemID = try #require((started.json["item"] as? [String: Any])?["id"] as? String)
            #expect(try await client.get("/attempts/\(id)/items/1").status == .conflict)
            #expect(try await client.get("/attempts/\(id)/review").status == .conflict)
            let flag = try await client.postJSON("/api/attempts/\(id)/flags", #"{"itemID": "\#(itemID)", "flagged": true}"#)
            #expect(flag.status == .conflict)
            #expect(flag.text.contains("goes forward only"))
            #expect(!(try await client.get("/attempts/\(id)").text.contains("Flag for review")))
        }
    }
}
