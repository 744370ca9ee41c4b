import Foundation
import Grading
import Testing

@testable import Gradebook

/// The history's tallies, computed in the database, say what the full list of attempts says.
struct AttemptTallyTests {
    @Test(arguments: TestStore.all) func talliesAgreeWithTheFullListOfAttempts(store: TestStore) throws {
        let database = TestDatabase(store)
        let clock = TestClock()
        let book = try database.open(clock: clock.now).local
        let tests = try ["b", "a"].map { try assessment("  attempts: unlimited\n", items: 4, id: $0) }
        var random = SystemRandomNumberGenerator()
        // 40 attempts over two tests and both purposes, scores often tied; the last two in progress.
        for round in 0..<40 {
            let test = tests[round % 3 == 0 ? 1 : 0]
            let purpose: AttemptPurpose = round % 4 == 1 ? .practice : .exam
            guard case .started(let record) = try book.begin(test, seed: UInt64(round), holder: "t", purpose: purpose) else {
                throw TestFailure("no start")
            }
            var attempt = try RecordedAttempt.load(record, of: test, in: book, holder: "t")
            let right = Int.random(in: 0...4, using: &random)
            for index in 0..<4 { _ = try attempt.answer(index < right ? yes : no) }
            if round < 38 { _ = try attempt.finish() }  // the last two stay in progress
            clock.advance(60)
        }

        let tallies = try book.attemptTallies(recent: 5)
        let all = try book.attempts().reversed()  // oldest first
        var expected: [AttemptTally] = []
        var order: [String] = []
        for attempt in all where !order.contains(attempt.assessmentID) { order.append(attempt.assessmentID) }
        for test in order {
            for purpose in [AttemptPurpose.exam, .practice] {
                let attempts = all.filter { $0.assessmentID == test && $0.purpose == purpose }
                guard !attempts.isEmpty else { continue }
                let scored = attempts.filter { $0.score != nil }
                let outcome = { (a: AttemptSummary) in AttemptTally.Outcome(score: a.score!, passed: a.passed) }
                expected.append(
                    AttemptTally(
                        assessmentID: test, purpose: purpose, count: attempts.count,
                        best: scored.max { $0.score! < $1.score! }.map(outcome), latest: scored.last.map(outcome),
                        recentScores: scored.suffix(5).map { $0.score! }, scoredCount: scored.count))
            }
        }
        #expect(tallies == expected)
        #expect(tallies.first?.assessmentID == "a", "the test tried first comes first")
        #expect(try book.attemptTallies(assessmentID: "b", recent: 5) == expected.filter { $0.assessmentID == "b" })
        #expect(try book.attemptTallies(assessmentID: "nothing").isEmpty)
    }
}
