import Foundation
import GRDB
import Grading
import Testing

@testable import Gradebook

/// A stateless server loads the attempt on every request and the page sends a heartbeat while
/// visible; only a real gap is taken off the clock.
struct ActivityTests {
    @Test func loadingAnAttemptWritesNothing() throws {
        let directory = DataDirectory()
        let clock = TestClock()
        let gradebook = try Gradebook.open(directory: directory.path, clock: clock.now)
        let test = try assessment("  mode: exam\n", timeLimit: "10m")
        var attempt = try gradebook.local.start(test)
        clock.advance(20)
        _ = try attempt.answer(yes)
        clock.advance(3600)
        let counts = {
            try gradebook.sqliteWriter.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT (SELECT count(*) FROM answer), (SELECT count(*) FROM resumption), (SELECT lastActivityAt FROM attempt)"
                )
            }
        }
        let before = (directory.bytes(), try counts())
        let loaded = try RecordedAttempt.load(
            try #require(try gradebook.local.attempt(id: attempt.id)), of: test, in: gradebook.local, holder: "test")
        #expect(loaded.session.current?.id == "q2")
        #expect(directory.bytes() == before.0)
        #expect(try counts() == before.1)
    }

    @Test(arguments: TestStore.all) func aHeartbeatWithinTheThresholdMakesNoResumption(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let book = try directory.open(clock: clock.now).local
        var attempt = try book.start(try assessment("  mode: exam\n", timeLimit: "10m"))
        for _ in 1...4 {
            clock.advance(30)
            try attempt.touch()
        }
        clock.advance(80)
        #expect(try attempt.resumeIfIdle(longerThan: 90) == nil)
        #expect(try book.resumptions(attemptID: attempt.id).isEmpty)
        #expect(attempt.elapsed == 200)
        #expect(attempt.secondsLeft == 400)
    }

    @Test(arguments: TestStore.all) func aReturnAfterTenMinutesMakesOneResumptionWhoseGapIsSubtracted(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let book = try directory.open(clock: clock.now).local
        let test = try assessment("  mode: exam\n", timeLimit: "10m")
        var attempt = try book.start(test)
        clock.advance(30)
        _ = try attempt.answer(yes)
        clock.advance(600)
        // The next request loads the attempt afresh, as a stateless server does.
        var back = try RecordedAttempt.load(try #require(try book.attempt(id: attempt.id)), of: test, in: book, holder: "test")
        let resumption = try #require(try back.resumeIfIdle(longerThan: 90))
        #expect(resumption.gap == 600)
        #expect(try back.resumeIfIdle(longerThan: 90) == nil)
        #expect(try book.resumptions(attemptID: back.id).count == 1)
        #expect(back.elapsed == 30)
        #expect(back.secondsLeft == 570)
        clock.advance(10)
        _ = try back.answer(yes)
        #expect(try book.answers(attemptID: back.id).map(\.secondsSpent) == [30, 10])
        let reloaded = try RecordedAttempt.load(try #require(try book.attempt(id: back.id)), of: test, in: book, holder: "test")
        #expect(reloaded.elapsed == 40)
    }
}
