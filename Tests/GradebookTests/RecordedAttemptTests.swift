import Courseware
import Foundation
import Grading
import Testing

@testable import Gradebook

/// A yes/no test with the given policy lines: items q1…qN, gold `yes`.
func assessment(_ policy: String, items count: Int = 4, timeLimit: String? = nil, id: String = "yes-no") throws -> Assessment {
    let front =
        "---\nid: \(id)\ntitle: Yes or no\npass-mark: 75%\n\(timeLimit.map { "time-limit: \($0)\n" } ?? "")policy:\n\(policy)---\nGo.\n"
    let items = (1...count).map { "- {id: q\($0), kind: single-choice, prompt: Is it?, options: [yes, no], answer: yes, reason: It is.}\n" }
    let loaded = AssessmentLoader().load(
        assessment: SourceFile(path: "assessment.md", text: front), items: SourceFile(path: "items.yaml", text: items.joined()),
        folder: nil)
    #expect(loaded.errors.isEmpty)
    return try #require(loaded.assessment)
}

let yes = ItemResponse.singleChoice("yes")
let no = ItemResponse.singleChoice("no")

struct RecordedAttemptTests {
    @Test(arguments: TestStore.all) func aKilledAttemptResumesWithEveryAnswerAndTheGapOffTheClock(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let test = try assessment("  mode: training\n", timeLimit: "10m")
        do {
            let book = try directory.open(clock: clock.now).local
            var attempt = try book.start(test, seed: 7)
            clock.advance(30)
            _ = try attempt.answer(no)  // q1 wrong: training keeps asking q1
            clock.advance(10)
            _ = try attempt.answer(yes)  // q1 right on the second try
            clock.advance(20)
            _ = try attempt.answer(yes)  // q2
            // The process dies here: no finish, nothing closed.
        }
        clock.advance(86_400)
        let book = try directory.open(clock: clock.now).local
        guard case .resume(let record) = try book.eligibility(for: test) else {
            Issue.record("the attempt in progress is offered for resuming")
            return
        }
        var attempt = try RecordedAttempt.resume(record, of: test, in: book, holder: "test")
        #expect(attempt.session.given.map(\.itemID) == ["q1", "q1", "q2"])
        #expect(attempt.session.given.map(\.counted) == [true, false, true])
        #expect(attempt.session.current?.id == "q3")
        #expect(attempt.interruptedSeconds == 86_400)
        #expect(attempt.elapsed == 60)
        #expect(attempt.secondsLeft == 540)
        clock.advance(5)
        _ = try attempt.answer(yes)
        _ = try attempt.answer(yes)
        let result = try attempt.finish()
        #expect(result.score == 0.75)  // q1's first answer was wrong
        let stored = try #require(try book.attempt(id: attempt.id))
        #expect(stored.status == .submitted)
        #expect(stored.passed == true)
        #expect(try book.answers(attemptID: attempt.id).map(\.secondsSpent) == [30, 10, 20, 5, 0])
    }

    @Test(arguments: TestStore.all) func timeSpentActiveRunsTheLimitOutEvenAcrossResumptions(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let test = try assessment("  mode: exam\n", timeLimit: "1m")
        let book = try directory.open(clock: clock.now).local
        var attempt = try book.start(test)
        clock.advance(40)
        _ = try attempt.answer(yes)
        clock.advance(3600)
        attempt = try RecordedAttempt.resume(try #require(try book.attempt(id: attempt.id)), of: test, in: book, holder: "test")
        #expect(attempt.secondsLeft == 20)
        clock.advance(25)
        let late = try attempt.answer(yes)
        #expect(!late.counted)
        #expect(late.ending == .timedOut)
        let result = try attempt.finish()
        #expect(result.score == 0.25)
        #expect(try book.attempt(id: attempt.id)?.status == .timedOut)
        // The late answer is kept in the record all the same.
        #expect(try book.answers(attemptID: attempt.id).count == 2)
    }

    @Test(arguments: TestStore.all) func aRetakeDelayHoldsAcrossRestartsUntilItHasPassed(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let test = try assessment("  mode: exam\n  retake-delay: 24h\n")
        do {
            let book = try directory.open(clock: clock.now).local
            var attempt = try book.start(test)
            for _ in 1...4 { _ = try attempt.answer(no) }
            _ = try attempt.finish()
        }
        clock.advance(3600)
        let reopened = try directory.open(clock: clock.now).local
        #expect(try reopened.eligibility(for: test) == .refused(.wait(until: clock.now().addingTimeInterval(23 * 3600))))
        clock.advance(23 * 3600)
        #expect(try directory.open(clock: clock.now).local.eligibility(for: test) == .start)
    }

    @Test(arguments: TestStore.all) func attemptsRunOutAndAnExamWaitsForItsTraining(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let book = try directory.open(clock: clock.now).local
        let training = try assessment("  mode: training\n  attempts: 2\n", id: "training")
        let exam = try assessment("  mode: pool\n  requires: training\n", id: "exam")
        #expect(try book.eligibility(for: exam) == .refused(.needsPrerequisites(["training"])))
        for answers in [[no, no, no, no, no, no, no, no, no, no, no, no], [yes, yes, yes, yes]] {
            var attempt = try book.start(training)
            for answer in answers where attempt.session.current != nil { _ = try attempt.answer(answer) }
            _ = try attempt.finish()
        }
        #expect(try book.eligibility(for: training) == .refused(.noAttemptsLeft(used: 2)))
        #expect(try book.eligibility(for: exam) == .start)
        var attempt = try book.start(exam)
        for _ in 1...4 { _ = try attempt.answer(yes) }
        #expect(try attempt.finish().skill == 100)
        #expect(try book.eligibility(for: exam) == .refused(.noAttemptsLeft(used: 1)))
    }

    @Test(arguments: TestStore.all) func anAttemptWhoseAssessmentLostAnItemIsNotResumedAndNothingIsWritten(store: TestStore) throws {
        let directory = TestDatabase(store)
        let book = try directory.open().local
        var attempt = try book.start(try assessment("  mode: exam\n", items: 4))
        _ = try attempt.answer(yes)
        let record = try #require(try book.attempt(id: attempt.id))
        #expect(throws: RecordedAttemptError.self) {
            try RecordedAttempt.resume(record, of: try assessment("  mode: exam\n", items: 2), in: book, holder: "test")
        }
        #expect(try book.resumptions(attemptID: attempt.id).isEmpty)
        #expect(try book.answers(attemptID: attempt.id).count == 1)
    }

    @Test func aRecordedAnswerReadsBackAsTheSameResponse() throws {
        let test = try assessment("  mode: exam\n")
        let item = try #require(test.items.first)
        #expect(ItemResponse.recordedJSON(yes) == "\"yes\"")
        #expect(try ItemResponse.decode(recorded: "\"yes\"", for: item) == yes)
        #expect(try ItemResponse.decode(recorded: "null", for: item) == nil)
        #expect(throws: AnswerShapeError.self) { try ItemResponse.decode(recorded: "\"maybe\"", for: item) }
    }
}
