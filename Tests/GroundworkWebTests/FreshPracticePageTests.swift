import Foundation
import Gradebook
import Grading
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import GroundworkWeb

/// "Practise with fresh items": offered where a generator makes the test's kinds, started
/// as practice at generated items, their pictures served from the attempt's own folder.
struct FreshPracticePageTests {
    @Test func aTestWithAGeneratorOffersFreshItemsServedFromTheAttempt() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let page = try await client.get("/tests/street-boxes")
            #expect(page.text.contains("Practise with fresh items"))
            #expect(page.text.contains("street scenes"))
            #expect(!(try await client.get("/tests/sentiment-quiz")).text.contains("Practise with fresh items"))

            let started = try await client.post("/tests/street-boxes/practice-fresh", form: [])
            #expect(started.status == .seeOther)
            let location = try #require(started.headers[.location])
            let item = try await client.get(location)
            #expect(item.status == .ok)
            #expect(item.text.contains("Street scene bounding boxes — fresh items"))
            #expect(item.text.contains("Item 1 of 10"))
            let media = try #require(item.text.firstRange(of: location + "/files/f")).lowerBound
            let url = String(item.text[media...].prefix { $0 != "\"" && $0 != "&" })
            #expect(url.hasSuffix(".street-scenes.svg"))
            let picture = try await client.get(url)
            #expect(picture.status == .ok && picture.text.hasPrefix("<svg"))
            #expect(try await client.get(location + "/files/../../secret").status == .notFound)

            #expect((try await client.get("/history")).text.contains("Fresh practice"))
            #expect((try await client.get("/")).text.contains("Street scene bounding boxes — fresh items"))
            let again = try await client.get("/tests/street-boxes")
            #expect(again.text.contains("Continue your fresh practice"))
            let refused = try await client.post("/tests/sentiment-quiz/practice-fresh", form: [])
            #expect(refused.status == .notFound)
            #expect(refused.text.contains("no generator makes Sentiment"))
        }
        let open = try #require(try fixture.book.attemptInProgress(assessmentID: "street-boxes.generated", purpose: .practice))
        #expect(open.itemIDs.count == GeneratedPractice.itemsPerDraw)
    }

    @Test func missedBoxesDueForReviewOfferFreshVariantsThatAskThemFirst() async throws {
        let clock = PayTestClock()
        let fixture = try await WebFixture(clock: clock.now)
        try fixture.practiseSentiment("street-boxes") { _ in false }
        clock.advance(86_400)
        try await fixture.test { client in
            let review = try await client.get("/review")
            #expect(review.text.contains("<form method=\"post\" action=\"/tests/street-boxes/practice-fresh\">"))
            #expect(review.text.contains("Practise fresh variants"))
            // Its rule questions (single choice) have no generator: they come back as themselves.
            #expect(review.text.contains("<form method=\"post\" action=\"/tests/street-boxes/practice\">"))
            let started = try await client.post("/tests/street-boxes/practice-fresh", form: [])
            #expect(started.status == .seeOther)
        }
        let open = try #require(try fixture.book.attemptInProgress(assessmentID: "street-boxes.generated", purpose: .practice))
        #expect(Array(open.itemIDs.prefix(4)) == ["b1", "b2", "b3", "b4"].map { $0 + ".street-scenes" })
    }
}
