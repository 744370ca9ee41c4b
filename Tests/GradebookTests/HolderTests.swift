import Foundation
import Grading
import Testing

@testable import Gradebook

struct HolderTests {
    @Test(arguments: TestStore.all) func aSecondTakerIsRefusedUntilItTakesOverAndThenTheFirstCanSaveNoMore(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let book = try directory.open(clock: clock.now).local
        let test = try assessment("  mode: exam\n")
        var first = try book.start(test, holder: "web:first")
        _ = try first.answer(yes)
        let record = try #require(try book.attempt(id: first.id))
        let claimed = try #require(record.heldSince)
        clock.advance(60)
        #expect(throws: GradebookError.heldElsewhere(attemptID: first.id, holder: "web:first", since: claimed)) {
            try RecordedAttempt.resume(record, of: test, in: book, holder: "web:second")
        }
        var second = try RecordedAttempt.resume(record, of: test, in: book, holder: "web:second", takingOver: true)
        #expect(second.session.current?.id == "q2")
        #expect(throws: GradebookError.self) { try first.answer(no) }
        #expect(first.session.current?.id == "q2", "a refused save leaves the session as it was")
        #expect(throws: GradebookError.self) { try first.touch() }
        _ = try second.answer(yes)
        #expect(try book.answers(attemptID: first.id).map(\.itemID) == ["q1", "q2"])
        #expect(try book.attempt(id: first.id)?.holder == "web:second")
    }

    @Test(arguments: TestStore.all) func anAttemptLeftByAKilledTerminalIsResumedWithoutTakingOver(store: TestStore) throws {
        let directory = TestDatabase(store)
        let book = try directory.open().local
        let test = try assessment("  mode: exam\n")
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let dead = AttemptHolder.terminal(pid: gone.processIdentifier)
        _ = try book.start(test, holder: dead)
        let record = try #require(try book.attemptInProgress(assessmentID: test.id))
        let here = AttemptHolder.terminal(pid: getpid())
        let resumed = try RecordedAttempt.resume(record, of: test, in: book, holder: here)
        #expect(try book.attempt(id: resumed.id)?.holder == here)
        // This process still runs: another terminal must take over explicitly.
        #expect(throws: GradebookError.self) { try book.claim(attemptID: resumed.id, holder: "cli:1@elsewhere") }
        #expect(try book.claim(attemptID: resumed.id, holder: "cli:1@elsewhere", takingOver: true).holder == "cli:1@elsewhere")
    }

    @Test func aTerminalHolderNamesItsProcessAndHost() {
        let holder = AttemptHolder.terminal(pid: 4242)
        #expect(AttemptHolder.terminalProcess(of: holder)?.pid == 4242)
        #expect(AttemptHolder.terminalProcess(of: holder)?.host == ProcessInfo.processInfo.hostName)
        #expect(AttemptHolder.terminalProcess(of: "web:4242@x") == nil)
        #expect(!AttemptHolder.isGone(AttemptHolder.terminal(pid: getpid())))
    }
}
