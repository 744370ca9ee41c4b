import Foundation
import Gradebook
import Grading
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import GroundworkWeb

/// `/pay`: the calculator is a GET form, its answer comes from recorded times, and bad
/// numbers are refused with the field named.
struct PayPageTests {
    @Test func theCalculatorWorksOutTheHourlyRateFromRecordedTimesWithoutScript() async throws {
        let clock = PayTestClock()
        let fixture = try await WebFixture(clock: clock.now)
        try fixture.practiseSentiment(clock: clock, seconds: 600) { _ in true }
        try await fixture.test { client in
            let empty = try await client.get("/pay")
            #expect(empty.status == .ok)
            #expect(empty.text.contains("<form class=\"card calculator\" method=\"get\" action=\"/pay\">"))
            #expect(empty.text.contains("10 minutes an item (median), 100% accurate over 16 items."))
            let page = try await client.get("/pay?per-task=0.10")
            #expect(page.text.contains("At your pace of 10 minutes a task, $0.10 a task pays $0.60 an hour."))
            #expect(page.text.contains("<span class=\"verdict not-yet\">below</span> $5.00 an hour"))
            let api = try await client.get("/api/pay?per-task=0.10&test=sentiment-quiz")
            let pay = try #require(api.json["pay"] as? [String: Any])
            #expect(abs((pay["hourly"] as? Double ?? 0) - 0.6) < 1e-12)
            let bad = try await client.get("/pay?per-task=free")
            #expect(bad.status == .badRequest)
            #expect(
                bad.text.contains("&#39;per-task&#39; must be a price above 0") || bad.text.contains("'per-task' must be a price above 0"))
            let unknown = try await client.get("/api/pay?test=nope")
            #expect(unknown.status == .notFound)
        }
    }
}

/// A clock the test moves by hand.
final class PayTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment = Date(timeIntervalSince1970: 1_796_000_000)
    var now: @Sendable () -> Date { { [self] in lock.withLock { moment } } }
    func advance(_ seconds: TimeInterval) { lock.withLock { moment += seconds } }
}

/// `/review` and the home page's one line: yesterday's misses are due today.
struct ReviewPageTests {
    @Test func yesterdaysMissesAreListedWithAPractiseButtonAndCountedOnTheHomePage() async throws {
        let clock = PayTestClock()
        let fixture = try await WebFixture(clock: clock.now)
        try fixture.practiseSentiment { $0 >= 3 }
        try await fixture.test { client in
            let early = try await client.get("/review")
            #expect(early.text.contains("Nothing is due for review now."))
            let home = try await client.get("/")
            #expect(!home.text.contains("due for review"))
        }
        clock.advance(86_400)
        try await fixture.test { client in
            let page = try await client.get("/review")
            #expect(page.text.contains("Sentiment quiz <span class=\"muted\">3 due</span>"))
            #expect(page.text.contains("<form method=\"post\" action=\"/tests/sentiment-quiz/practice\">"))
            let home = try await client.get("/")
            #expect(home.text.contains("<a href=\"/review\">3 missed items are due for review</a>"))
            let api = try await client.get("/api/review")
            #expect((api.json["cards"] as? [Any])?.count == 3)
        }
    }
}
