import Foundation
import Grading
import Testing

@testable import Gradebook

/// Practice is recorded apart from simulated exams and never costs one.
struct PracticeTests {
    @Test(arguments: TestStore.all) func practiceIsAlwaysAllowedAndNeverUsesAnExamAttemptOrStartsTheRetakeDelay(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let book = try directory.open(clock: clock.now).local
        let test = try assessment("  attempts: 1\n  retake-delay: 7d\n")
        for seed in [UInt64(1), 2] {
            guard case .started(let record) = try book.begin(test, seed: seed, holder: "t", purpose: .practice) else {
                throw TestFailure("practice was not started")
            }
            var practice = try RecordedAttempt.load(record, of: test, in: book, holder: "t")
            for _ in 0..<4 { _ = try practice.answer(no) }
            _ = try practice.finish()
        }
        #expect(try book.eligibility(for: test) == .start)
        var exam = try book.start(test)
        for _ in 0..<4 { _ = try exam.answer(yes) }
        _ = try exam.finish()
        guard case .refused(.noAttemptsLeft(used: 1)) = try book.eligibility(for: test) else {
            throw TestFailure("the exam should count one attempt, not three")
        }
        #expect(try book.eligibility(for: test, purpose: .practice) == .start)
        #expect(try book.attempts(assessmentID: test.id, purpose: .practice).count == 2)
        #expect(try book.attempts(assessmentID: test.id, purpose: .exam).map(\.purpose) == [.exam])
    }

    @Test(arguments: TestStore.all) func aPracticeInProgressAndAnExamInProgressResumeApart(store: TestStore) throws {
        let directory = TestDatabase(store)
        let book = try directory.open().local
        let test = try assessment("  attempts: unlimited\n")
        let practice = try book.begin(test, seed: 1, holder: "t", purpose: .practice)
        let exam = try book.begin(test, seed: 1, holder: "t")
        guard case .started(let p) = practice, case .started(let e) = exam else { throw TestFailure("both should start") }
        #expect(p.id != e.id)
        guard case .resume(let resumed) = try book.begin(test, seed: 2, holder: "t", purpose: .practice) else {
            throw TestFailure("the practice in progress should be resumed")
        }
        #expect(resumed.id == p.id && resumed.purpose == .practice)
        #expect(try book.attemptInProgress(assessmentID: test.id)?.id == e.id)
        #expect(try book.attemptInProgress(assessmentID: test.id, purpose: .practice)?.id == p.id)
    }

    @Test(arguments: TestStore.all) func aPracticeAttemptRunsUntimedWithFeedbackAfterEachAnswerAndADatedTimedResult(store: TestStore) throws
    {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let book = try directory.open(clock: clock.now).local
        let test = try assessment("  mode: exam\n  show-reasons: never\n", timeLimit: "1m")
        guard case .started(let record) = try book.begin(test, seed: 1, holder: "t", purpose: .practice) else {
            throw TestFailure("practice was not started")
        }
        var attempt = try RecordedAttempt.load(record, of: test, in: book, holder: "t")
        #expect(attempt.secondsLeft == nil)
        clock.advance(90)
        attempt.checkTime()
        guard case .result(let first) = try attempt.answer(no).feedback else { throw TestFailure("no feedback after the answer") }
        #expect(first.reason == "It is.")
        for _ in 0..<3 {
            clock.advance(10)
            _ = try attempt.answer(yes)
        }
        let result = try attempt.finish()
        #expect(result.purpose == .practice)
        #expect(result.activeSeconds == 120)
        #expect(result.startedAt == record.startedAt.formatted(.iso8601))
        #expect(result.items.map(\.secondsSpent) == [90, 10, 10, 10])
        #expect(result.items.map(\.number) == [1, 2, 3, 4])
        let shown = result.released(for: test.running(as: .practice).policy, stage: .finished)
        #expect(shown.disclosure == .full)
    }
}
