import Foundation
import GRDB
import Grading
import Testing

@testable import Gradebook

struct AnswerReplayTests {
    @Test func aRepeatedSaveReturnsTheRecordedAnswerAndWritesNothing() throws {
        let directory = DataDirectory()
        let book = try Gradebook.open(directory: directory.path).local
        let id = try book.start(try assessment("  mode: exam\n")).id
        func save(_ item: String, _ response: String, _ sequence: Int64) throws -> Answer {
            try book.recordAnswer(
                attemptID: id, holder: "test", itemID: item, clientSequence: sequence, responseJSON: response, secondsSpent: 1)
        }
        let first = try save("q1", "\"yes\"", 1)
        let bytes = directory.bytes()
        #expect(try save("q1", "\"yes\"", 1).id == first.id)
        #expect(directory.bytes() == bytes)
        #expect(throws: GradebookError.answerConflict(attemptID: id, clientSequence: 1)) { try save("q1", "\"no\"", 1) }
        #expect(throws: GradebookError.answerConflict(attemptID: id, clientSequence: 1)) { try save("q2", "\"yes\"", 1) }
        #expect(try save("q2", "\"yes\"", 2).sequence == 2)
        #expect(try book.answers(attemptID: id).map(\.clientSequence) == [1, 2])
    }

    @Test(arguments: TestStore.all) func aRetriedAnswerToALoadedAttemptGetsTheFirstOutcome(store: TestStore) throws {
        let directory = TestDatabase(store)
        let book = try directory.open().local
        let test = try assessment("  mode: quiz\n  show-reasons: after-each\n")
        var attempt = try book.start(test)
        let outcome = try attempt.answer(no, clientSequence: 1)
        // A stateless server loads the attempt again for the retried request.
        var reloaded = try RecordedAttempt.load(try #require(try book.attempt(id: attempt.id)), of: test, in: book, holder: "test")
        #expect(try reloaded.answer(no, clientSequence: 1) == outcome)
        #expect(reloaded.session.current?.id == "q2")
        #expect(throws: GradebookError.answerConflict(attemptID: attempt.id, clientSequence: 1)) {
            try reloaded.answer(yes, clientSequence: 1)
        }
        #expect(try book.answers(attemptID: attempt.id).count == 1)
    }

    /// The reported bug: two `take`s of one test at once each saved items 1–3, and the resumed
    /// attempt filled items 4–6 with the second taker's answers.
    @Test(arguments: TestStore.all) func answersTwoTakersGaveToTheSameItemsAreReplayedOnceEach(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let book = try directory.open(clock: clock.now).local
        let test = try assessment("  mode: exam\n", items: 6)
        let id = try book.start(test).id
        for item in ["q1", "q1", "q2", "q2", "q3", "q3"] {
            clock.advance(10)
            try book.recordAnswer(attemptID: id, holder: "test", itemID: item, responseJSON: "\"yes\"", secondsSpent: 10)
        }
        var attempt = try RecordedAttempt.resume(try #require(try book.attempt(id: id)), of: test, in: book, holder: "test")
        #expect(attempt.session.given.map(\.itemID) == ["q1", "q2", "q3"])
        #expect(attempt.session.current?.id == "q4")
        #expect(attempt.session.position.number == 4)
        let result = try attempt.finish()
        #expect(result.items.map(\.verdict) == [.correct, .correct, .correct, .unanswered, .unanswered, .unanswered])
        #expect(try book.answers(attemptID: id).count == 6)
    }
}
