import Foundation
import GRDB
import Testing

@testable import Gradebook

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)

    func now() -> Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// A fresh data directory per test.
struct DataDirectory: ~Copyable {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("gradebook-\(UUID().uuidString)").path
    var file: String { path + "/" + Gradebook.fileName }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

struct GradebookTests {
    @Test func answersSurviveReopeningAndTheAttemptCanBeResumed() throws {
        let directory = DataDirectory()
        let clock = TestClock()
        var attemptID: Int64 = 0
        do {
            let book = try Gradebook.open(directory: directory.path, clock: clock.now)
            let attempt = try book.startAttempt(assessmentID: "sentiment", assessmentVersion: "abc", seed: 42, itemIDs: ["q1", "q2", "q3"])
            attemptID = try #require(attempt.id)
            clock.advance(12)
            try book.recordAnswer(attemptID: attemptID, itemID: "q1", responseJSON: #"{"choice":"positive"}"#, secondsSpent: 12)
            clock.advance(30)
            try book.recordAnswer(attemptID: attemptID, itemID: "q2", responseJSON: #"{"choice":"mixed"}"#, secondsSpent: 30, score: 0)
        }
        // A new process: nothing was closed cleanly, everything is still there.
        clock.advance(3600)
        let book = try Gradebook.open(directory: directory.path, clock: clock.now)
        let open = try #require(try book.attemptInProgress(assessmentID: "sentiment"))
        #expect(open.id == attemptID)
        #expect(open.seed == 42)
        #expect(open.itemIDs == ["q1", "q2", "q3"])
        let answers = try book.answers(attemptID: attemptID)
        #expect(answers.map(\.itemID) == ["q1", "q2"])
        #expect(answers.map(\.sequence) == [1, 2])
        #expect(answers.map(\.responseJSON) == [#"{"choice":"positive"}"#, #"{"choice":"mixed"}"#])
        #expect(answers.last?.score == 0)
        let resumption = try book.resume(attemptID: attemptID)
        #expect(resumption.gap == 3600)
        #expect(try book.resumptions(attemptID: attemptID).count == 1)
    }

    @Test func aFinishedAttemptTakesNoMoreAnswersAndKeepsItsResult() throws {
        let directory = DataDirectory()
        let book = try Gradebook.open(directory: directory.path)
        let id = try #require(try book.startAttempt(assessmentID: "a", assessmentVersion: "v", seed: 1, itemIDs: ["x"]).id)
        try book.finishAttempt(id, status: .submitted, score: 0.8, passed: true, resultJSON: "{}")
        #expect(throws: GradebookError.self) { try book.recordAnswer(attemptID: id, itemID: "x", responseJSON: "1", secondsSpent: 1) }
        #expect(throws: GradebookError.self) { try book.finishAttempt(id, status: .abandoned, score: nil, passed: nil, resultJSON: nil) }
        let stored = try #require(try book.attempt(id: id))
        #expect(stored.status == .submitted)
        #expect(stored.score == 0.8)
        #expect(stored.passed == true)
        #expect(try book.attemptInProgress(assessmentID: "a") == nil)
    }

    @Test func unknownAttemptsAreErrors() throws {
        let directory = DataDirectory()
        let book = try Gradebook.open(directory: directory.path)
        #expect(throws: GradebookError.self) { try book.recordAnswer(attemptID: 99, itemID: "x", responseJSON: "1", secondsSpent: 1) }
    }

    @Test func aCooldownHoldsAcrossRestarts() throws {
        let directory = DataDirectory()
        let clock = TestClock()
        do {
            let book = try Gradebook.open(directory: directory.path, clock: clock.now)
            let id = try #require(try book.startAttempt(assessmentID: "mturk", assessmentVersion: "v", seed: 1, itemIDs: []).id)
            try book.finishAttempt(id, status: .submitted, score: 0.5, passed: false, resultJSON: nil)
        }
        clock.advance(3600)
        let book = try Gradebook.open(directory: directory.path, clock: clock.now)
        let next = try #require(try book.nextAllowedStart(assessmentID: "mturk", cooldown: 86_400))
        #expect(next == clock.now().addingTimeInterval(86_400 - 3600))
        clock.advance(86_400)
        #expect(try book.nextAllowedStart(assessmentID: "mturk", cooldown: 86_400) == nil)
        #expect(try book.nextAllowedStart(assessmentID: "never-taken", cooldown: 86_400) == nil)
    }

    @Test func attemptsListNewestFirst() throws {
        let directory = DataDirectory()
        let clock = TestClock()
        let book = try Gradebook.open(directory: directory.path, clock: clock.now)
        for name in ["a", "b", "a"] {
            _ = try book.startAttempt(assessmentID: name, assessmentVersion: "v", seed: 0, itemIDs: [])
            clock.advance(60)
        }
        #expect(try book.attempts().map(\.assessmentID) == ["a", "b", "a"])
        #expect(try book.attempts(assessmentID: "a").count == 2)
    }

    @Test func lessonProgressCountsReadsAndQuizzes() throws {
        let directory = DataDirectory()
        let clock = TestClock()
        let book = try Gradebook.open(directory: directory.path, clock: clock.now)
        try book.recordLessonRead("boxes", quizzesAnswered: 2, quizzesCorrect: 1)
        clock.advance(100)
        try book.recordLessonRead("boxes", quizzesAnswered: 2, quizzesCorrect: 2)
        let progress = try book.lessonProgress()
        #expect(progress.count == 1)
        #expect(progress[0].timesRead == 2)
        #expect(progress[0].quizzesCorrect == 3)
        #expect(progress[0].lastReadAt.timeIntervalSince(progress[0].firstReadAt) == 100)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws {
        let directory = DataDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: URL(fileURLWithPath: directory.file))
        #expect {
            try Gradebook.open(directory: directory.path)
        } throws: { error in
            guard case .corrupt = error as? GradebookError else { return false }
            return "\(error)".contains("left untouched")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.file)) == garbage)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(siblings == [Gradebook.fileName])
    }

    @Test func anotherSQLiteDatabaseIsRefused() throws {
        let directory = DataDirectory()
        do {
            let book = try Gradebook.open(directory: directory.path)
            try book.queue.write { db in
                try db.execute(sql: "DROP TABLE grdb_migrations")
            }
        }
        #expect(throws: GradebookError.self) { try Gradebook.open(directory: directory.path) }
    }

    @Test func aGradebookFromANewerVersionIsRefusedAndLeftUntouched() throws {
        let directory = DataDirectory()
        do {
            let book = try Gradebook.open(directory: directory.path)
            try book.queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')")
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: directory.file))
        #expect {
            try Gradebook.open(directory: directory.path)
        } throws: { error in
            guard case .newerVersion(_, let unknown) = error as? GradebookError else { return false }
            return unknown == ["v9: from the future"]
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.file)) == before)
    }

    @Test func theDefaultDirectoryFollowsTheEnvironment() {
        #expect(Gradebook.defaultDirectory(environment: ["GROUNDWORK_DATA": "/x"]) == "/x")
        #expect(Gradebook.defaultDirectory(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/groundwork")
        #expect(Gradebook.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.local/share/groundwork")
    }
}
