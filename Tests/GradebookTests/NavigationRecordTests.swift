import Foundation
import Grading
import Testing

@testable import Gradebook

/// Going back in a recorded attempt: a changed answer is replayed as it was given, and
/// flags are kept in the gradebook, by the holder only.
struct NavigationRecordTests {
    let nonlinear = "  mode: exam\n  show-reasons: at-end\n  navigation: nonlinear\n"

    @Test(arguments: TestStore.all) func aChangedAnswerIsReplayedAsTheOneThatCounts(store: TestStore) throws {
        let directory = TestDatabase(store)
        let test = try assessment(nonlinear)
        let book = try directory.open().local
        var attempt = try book.start(test)
        _ = try attempt.answer(no)
        _ = try attempt.answer(yes)
        let wentq1 = attempt.go(to: "q1")
        #expect(wentq1)
        _ = try attempt.answer(yes)
        #expect(attempt.session.current?.id == "q3")
        // Rebuilt from the gradebook, as a restarted terminal or a web request does.
        let record = try #require(try book.attempt(id: attempt.id))
        var reloaded = try RecordedAttempt.load(record, of: test, in: book, holder: "test")
        #expect(reloaded.session.countedResponses["q1"] == .some(yes))
        #expect(reloaded.session.given.map(\.itemID) == ["q1", "q2", "q1"])
        #expect(reloaded.session.current?.id == "q3")
        _ = try reloaded.answer(yes)
        _ = try reloaded.answer(no)
        #expect(reloaded.session.ending == nil)
        let result = try reloaded.finish()
        #expect(result.score == 0.75)
        #expect(try book.attempt(id: attempt.id)?.status == .submitted)
    }

    @Test(arguments: TestStore.all) func flagsAreKeptAndOnlyTheHolderSetsThem(store: TestStore) throws {
        let directory = TestDatabase(store)
        let test = try assessment(nonlinear)
        let book = try directory.open().local
        var attempt = try book.start(test)
        try attempt.flag("q2")
        try attempt.flag("q3")
        try attempt.flag("q3", false)
        try attempt.flag("q2")  // twice: still one flag
        #expect(attempt.flagged == ["q2"])
        #expect(try book.flaggedItems(attemptID: attempt.id) == ["q2"])
        let record = try #require(try book.attempt(id: attempt.id))
        #expect(try RecordedAttempt.load(record, of: test, in: book, holder: "test").flagged == ["q2"])
        #expect(throws: FlagError.unknownItem("q9")) { try attempt.flag("q9") }
        var other = try RecordedAttempt.resume(record, of: test, in: book, holder: "web", takingOver: true)
        try other.flag("q1")
        #expect(throws: GradebookError.self) { try attempt.flag("q4") }
        #expect(try book.flaggedItems(attemptID: attempt.id) == ["q1", "q2"])
    }

    @Test(arguments: TestStore.all) func aLinearTestHasNothingToFlag(store: TestStore) throws {
        let directory = TestDatabase(store)
        let test = try assessment("  mode: exam\n  show-reasons: at-end\n")
        let book = try directory.open().local
        var attempt = try book.start(test)
        #expect(throws: FlagError.linear) { try attempt.flag("q1") }
        let wentq1 = attempt.go(to: "q1")
        #expect(!wentq1)
        #expect(try book.flaggedItems(attemptID: attempt.id).isEmpty)
    }

    @Test(arguments: TestStore.all) func anotherLearnersAttemptShowsNoFlags(store: TestStore) throws {
        let directory = TestDatabase(store)
        let test = try assessment(nonlinear)
        let gradebook = try directory.open()
        var attempt = try gradebook.local.start(test)
        try attempt.flag("q1")
        #expect(throws: GradebookError.self) { try gradebook.learner("someone-else").flaggedItems(attemptID: attempt.id) }
    }
}
