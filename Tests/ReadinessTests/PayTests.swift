import Foundation
import Gradebook
import Grading
import Testing

@testable import Readiness

/// Pace from recorded times, and the hourly rate the lessons teach to work out.
struct PayTests {
    @Test func theCoursesWorkedExampleComesOutOfRecordedTimes() throws {
        let learner = try Learner()
        // Ten minutes on every item, as the gradebook records it.
        try learner.take(try Shipped.test("sentiment-quiz"), seconds: { _ in 600 }) { _ in true }
        let evidence = ItemEvidence.collect(from: try learner.book.finishedAttempts(), catalog: Shipped.catalog)
        #expect(evidence.count == 16 && evidence.allSatisfy { $0.secondsSpent == 600 })
        let map = try ReadinessReport.loadMap(course: Shipped.course, catalog: Shipped.catalog)
        let pay = PayReport(pricePerTask: 0.10, evidence: evidence, thresholds: map.pay, hiddenGoldAccuracy: 0.7)
        #expect(pay.secondsPerTask == 600)
        #expect(abs((pay.hourly ?? 0) - 0.60) < 1e-12)
        #expect(pay.sentence == "At your pace of 10 minutes a task, $0.10 a task pays $0.60 an hour.")
        // Below every figure the course gives; the $5 example minimum needs 72 seconds a task.
        #expect(pay.figures.allSatisfy { $0.reached == false })
        let minimum = try #require(pay.figures.first { $0.threshold.minimum })
        #expect(minimum.threshold.hourly == 5 && abs((minimum.timeBudgetSeconds ?? 0) - 72) < 1e-9)
    }

    @Test func paceIsTheMedianPerKindAndPerTestWithATrendPerAttempt() throws {
        let learner = try Learner()
        let quiz = try Shipped.test("sentiment-quiz")
        try learner.take(quiz, seed: 1, seconds: { $0 == 0 ? 3000 : 40 }) { _ in false }
        try learner.take(quiz, seed: 2, seconds: { _ in 20 }) { _ in true }
        let evidence = ItemEvidence.collect(from: try learner.book.finishedAttempts(), catalog: Shipped.catalog)
        let pace = PaceReport(evidence: evidence, titles: ["sentiment-quiz": quiz.title])
        let line = try #require(pace.tests.first)
        #expect(line.title == "Sentiment quiz" && line.items == 32)
        // One item left open for 50 minutes does not move the median: 15 items at 40 s, 16 at 20 s.
        #expect(line.medianSeconds == 30)
        #expect(line.accuracy == 0.5)
        #expect(line.trend.map(\.accuracy) == [0, 1])
        #expect(line.trend.map(\.medianSeconds) == [40, 20])
        #expect(pace.kinds.map(\.id) == ["single-choice"])
    }

    @Test func theTradeOffNamesTheQuickestTimeWhoseAnswersStillReachTheHiddenGoldMark() {
        func item(_ seconds: Double, _ score: Double) -> ItemEvidence {
            ItemEvidence(
                attemptID: 1, assessmentID: "t", itemID: "\(seconds)", kind: .singleChoice, purpose: .practice, finishedAt: Date(),
                score: score, secondsSpent: seconds)
        }
        // The quickest answer is wrong; the five answers within 15 s score 80%, enough for 70%.
        let items = [
            item(5, 0), item(8, 1), item(10, 1), item(12, 1), item(15, 1), item(40, 1), item(60, 1), item(90, 1), item(100, 1),
            item(120, 1),
        ]
        #expect(PayReport.fastestSafe(items, accuracy: 0.7) == 15)
        #expect(PayReport.fastestSafe(items, accuracy: 0.85) == 60, "six answers within 40 s score 5/6, seven within 60 s 6/7")
        #expect(PayReport.fastestSafe(Array(items.prefix(4)), accuracy: 0.5) == nil, "four answers say nothing")
        let pay = PayReport(pricePerTask: 0.5, evidence: items, thresholds: [], hiddenGoldAccuracy: 0.7)
        #expect(pay.secondsPerTask == 27.5)
        #expect(abs((pay.acceptedHourly ?? 0) - 0.5 * 3600 / 27.5 * 0.9) < 1e-9, "9 of 10 answers right")
        #expect(
            pay.tradeOff
                == "Your answers given within 15 seconds still reached the 70% hidden test questions demand: you could work faster than your 27.5 seconds, but not faster than that."
        )
    }

    @Test("The pace median matches numpy.median", arguments: medianCases)
    func medianMatchesNumpy(_ reference: MedianCase) throws {
        let median = try #require(PaceReport.median(reference.values))
        #expect(abs(median - reference.median) <= 1e-9)
    }

    struct MedianCase: Decodable, Sendable, CustomTestStringConvertible {
        var values: [Double]
        var median: Double
        var testDescription: String { "\(values.count) values" }
    }

    static let medianCases: [MedianCase] = {
        struct File: Decodable { var medians: [MedianCase] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/wilson.json")
        return (try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)).medians) ?? []
    }()

    @Test func everyMedianCaseWasRead() { #expect(Self.medianCases.count == 100) }
}
