import Foundation
import GRDB
import Grading
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
    /// The database file and its write-ahead log, byte for byte: what a write would change.
    func bytes() -> [Data] {
        [file, file + "-wal"].map { FileManager.default.contents(atPath: $0) ?? Data() }
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension Gradebook {
    /// The local learner's records, as the terminal uses them.
    var local: LearnerBook { learner(Gradebook.localLearner) }

    /// The GRDB pool of a SQLite gradebook, for tests about the file itself.
    var sqliteWriter: any DatabaseWriter {
        get throws { try #require(store as? SQLiteStore).writer }
    }
}

extension LearnerBook {
    /// Begins a new attempt that the test expects the policy to allow.
    func start(_ assessment: Assessment, seed: UInt64 = 1, holder: String = "test") throws -> RecordedAttempt {
        let begun = try begin(assessment, seed: seed, holder: holder)
        guard case .started(let record) = begun else { throw TestFailure("expected a new attempt, got \(begun)") }
        return try RecordedAttempt.load(record, of: assessment, in: self, holder: holder)
    }
}

/// A precondition of a test that did not hold.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct GradebookTests {
    @Test(arguments: TestStore.all) func answersSurviveReopeningAndTheAttemptCanBeResumed(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let test = try assessment("  mode: exam\n", items: 3, id: "sentiment")
        var attemptID: Int64 = 0
        do {
            let book = try directory.open(clock: clock.now).local
            guard case .started(let attempt) = try book.begin(test, seed: 42, holder: "a") else { throw TestFailure("not started") }
            attemptID = try #require(attempt.id)
            clock.advance(12)
            try book.recordAnswer(
                attemptID: attemptID, holder: "a", itemID: "q1", responseJSON: #"{"choice":"positive"}"#, secondsSpent: 12)
            clock.advance(30)
            try book.recordAnswer(
                attemptID: attemptID, holder: "a", itemID: "q2", responseJSON: #"{"choice":"mixed"}"#, secondsSpent: 30, score: 0)
        }
        // A new process: nothing was closed cleanly, everything is still there.
        clock.advance(3600)
        let book = try directory.open(clock: clock.now).local
        let open = try #require(try book.attemptInProgress(assessmentID: "sentiment"))
        #expect(open.id == attemptID)
        #expect(open.seed == 42)
        #expect(open.itemIDs == ["q1", "q2", "q3"])
        #expect(open.holder == "a")
        let answers = try book.answers(attemptID: attemptID)
        #expect(answers.map(\.itemID) == ["q1", "q2"])
        #expect(answers.map(\.sequence) == [1, 2])
        #expect(answers.map(\.responseJSON) == [#"{"choice":"positive"}"#, #"{"choice":"mixed"}"#])
        #expect(answers.last?.score == 0)
        let resumption = try book.resume(attemptID: attemptID, holder: "a")
        #expect(resumption.gap == 3600)
        #expect(try book.resumptions(attemptID: attemptID).count == 1)
    }

    @Test(arguments: TestStore.all) func aFinishedAttemptTakesNoMoreAnswersAndKeepsItsResult(store: TestStore) throws {
        let directory = TestDatabase(store)
        let book = try directory.open().local
        let id = try book.start(try assessment("  mode: exam\n", items: 1, id: "a")).id
        try book.finishAttempt(id, holder: "test", status: .submitted, score: 0.8, passed: true, resultJSON: "{}")
        #expect(throws: GradebookError.attemptFinished(id)) {
            try book.recordAnswer(attemptID: id, holder: "test", itemID: "q1", responseJSON: "1", secondsSpent: 1)
        }
        #expect(throws: GradebookError.attemptFinished(id)) {
            try book.finishAttempt(id, holder: "test", status: .abandoned, score: nil, passed: nil, resultJSON: nil)
        }
        let stored = try #require(try book.attempt(id: id))
        #expect(stored.status == .submitted)
        #expect(stored.score == 0.8)
        #expect(stored.passed == true)
        #expect(try book.attemptInProgress(assessmentID: "a") == nil)
    }

    @Test(arguments: TestStore.all) func unknownAttemptsAreErrors(store: TestStore) throws {
        let directory = TestDatabase(store)
        let book = try directory.open().local
        #expect(throws: GradebookError.unknownAttempt(99)) {
            try book.recordAnswer(attemptID: 99, holder: "test", itemID: "x", responseJSON: "1", secondsSpent: 1)
        }
    }

    @Test(arguments: TestStore.all) func aCooldownHoldsAcrossRestarts(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        do {
            let book = try directory.open(clock: clock.now).local
            let id = try book.start(try assessment("  mode: exam\n", items: 1, id: "mturk")).id
            try book.finishAttempt(id, holder: "test", status: .submitted, score: 0.5, passed: false, resultJSON: nil)
        }
        clock.advance(3600)
        let book = try directory.open(clock: clock.now).local
        let next = try #require(try book.nextAllowedStart(assessmentID: "mturk", cooldown: 86_400))
        #expect(next == clock.now().addingTimeInterval(86_400 - 3600))
        clock.advance(86_400)
        #expect(try book.nextAllowedStart(assessmentID: "mturk", cooldown: 86_400) == nil)
        #expect(try book.nextAllowedStart(assessmentID: "never-taken", cooldown: 86_400) == nil)
    }

    @Test(arguments: TestStore.all) func attemptsListNewestFirstAndTheLatestComesWithItsReport(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let book = try directory.open(clock: clock.now).local
        let policy = "  mode: exam\n  attempts: 2\n"
        let tests = ["a": try assessment(policy, items: 1, id: "a"), "b": try assessment(policy, items: 1, id: "b")]
        #expect(try book.latestAttempt() == nil)
        for name in ["a", "b", "a"] {
            var attempt = try book.start(try #require(tests[name]))
            _ = try attempt.finish()
            clock.advance(60)
        }
        #expect(try book.attempts().map(\.assessmentID) == ["a", "b", "a"])
        #expect(try book.attempts(assessmentID: "a").count == 2)
        guard case .started = try book.begin(try #require(tests["b"]), seed: 2, holder: "test", purpose: .practice) else {
            throw TestFailure("practice not started")
        }
        let listed = try book.attempts()
        #expect(try book.latestAttempt()?.id == listed.first?.id)
        #expect(try book.latestAttempt()?.purpose == .practice)
        let latestA = try #require(try book.latestAttempt(assessmentID: "a"))
        #expect(latestA.id == listed.first { $0.assessmentID == "a" }?.id)
        #expect(latestA.resultJSON != nil)
        #expect(try book.latestAttempt(assessmentID: "c") == nil)
        #expect(try book.attemptCount(assessmentID: "a", purpose: .exam) == 2)
        #expect(try book.attemptCount(assessmentID: "b", purpose: .exam) == 1)
        #expect(try book.attemptCount(assessmentID: "b", purpose: .practice) == 1)
        #expect(try directory.open().learner("ana").attemptCount(assessmentID: "a", purpose: .exam) == 0)
    }

    @Test func aSummaryWithAnUnknownStatusIsAnErrorNotACrash() throws {
        let directory = DataDirectory()
        let gradebook = try Gradebook.open(directory: directory.path)
        var attempt = try gradebook.local.start(try assessment("  mode: exam\n", items: 1))
        _ = try attempt.finish()
        #expect(try gradebook.local.attempts().map(\.status) == [.submitted])
        try gradebook.sqliteWriter.write { db in try db.execute(sql: "UPDATE attempt SET status = 'lost'") }
        #expect(throws: GradebookError.self) { try gradebook.local.attempts() }
    }

    @Test(arguments: TestStore.all) func lessonProgressCountsReadsAndQuizzes(store: TestStore) throws {
        let directory = TestDatabase(store)
        let clock = TestClock()
        let book = try directory.open(clock: clock.now).local
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

    /// A cleanly closed gradebook at the current schema opens without reading the whole file
    /// (integrity_check); damage is still reported, as damage, when a read meets it.
    @Test func damageInACleanlyClosedGradebookIsReportedWhenReadNotHidden() throws {
        let directory = DataDirectory()
        var root = 0
        do {
            let gradebook = try Gradebook.open(directory: directory.path)
            var attempt = try gradebook.local.start(try assessment("  mode: exam\n", items: 1))
            _ = try attempt.finish()
            root =
                try gradebook.sqliteWriter.read { db in
                    try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'attempt'")
                }
                ?? 0
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file + "-wal"), "the gradebook was not closed")
        // The page type byte of the attempt table's root page (page 1 starts with the file header).
        let handle = try #require(FileHandle(forUpdatingAtPath: directory.file))
        try handle.seek(toOffset: UInt64((root - 1) * 4096 + (root == 1 ? 100 : 0)))
        try handle.write(contentsOf: Data([0x00]))
        try handle.close()
        let book = try Gradebook.open(directory: directory.path).local
        #expect {
            _ = try book.attempt(id: 1)
        } throws: { error in
            guard case .corrupt = error as? GradebookError else { return false }
            return true
        }
    }

    @Test func anotherSQLiteDatabaseIsRefused() throws {
        let directory = DataDirectory()
        do {
            let book = try Gradebook.open(directory: directory.path)
            try book.sqliteWriter.write { db in
                try db.execute(sql: "DROP TABLE grdb_migrations")
            }
        }
        #expect(throws: GradebookError.self) { try Gradebook.open(directory: directory.path) }
    }

    @Test func aGradebookFromANewerVersionIsRefusedAndLeftUntouched() throws {
        let directory = DataDirectory()
        do {
            let book = try Gradebook.open(directory: directory.path)
            try book.sqliteWriter.write { db in
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
