import Foundation
import GRDB
import Grading
import Testing

@testable import Gradebook

struct MigrationTests {
    @Test func aVersionOneGradebookMigratesKeepingEveryRowForTheLocalLearner() throws {
        let directory = DataDirectory()
        try V1Gradebook.write(to: directory.file)
        let gradebook = try Gradebook.open(directory: directory.path)
        let book = gradebook.local
        #expect(try book.attempts().map(\.id) == [2, 1])
        let finished = try #require(try book.attempt(id: 1))
        #expect(finished.learnerID == Gradebook.localLearner)
        #expect(finished.score == 0.75)
        #expect(finished.passed == true)
        #expect(finished.resultJSON == #"{"score":0.75}"#)
        #expect(finished.itemIDs == ["q1", "q2", "q3", "q4"])
        // Attempts made before there was practice were exams, and still count as such.
        #expect(try book.attempts().map(\.purpose) == [.exam, .exam])
        let open = try #require(try book.attemptInProgress(assessmentID: "yes-no"))
        #expect(open.id == 2)
        #expect(open.holder == nil)
        // The last activity of an old attempt is the latest of its start, answers and resumptions.
        #expect(open.lastActivityAt == (try #require(try book.answers(attemptID: 2).last)).answeredAt)
        #expect(try book.answers(attemptID: 2).map(\.itemID) == ["q1", "q2"])
        #expect(try book.answers(attemptID: 1).map(\.clientSequence) == [nil])
        #expect(try book.resumptions(attemptID: 2).map(\.gap) == [60])
        let progress = try book.lessonProgress()
        #expect(progress.map(\.lessonID) == ["labels", "boxes"])
        #expect(progress.map(\.timesRead) == [2, 1])
        #expect(progress[0].quizzesCorrect == 2)
        let counts = try gradebook.sqliteWriter.read { db in
            try ["attempt", "answer", "resumption", "lessonProgress"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
        }
        #expect(counts == [2, 3, 1, 2])
        #expect(try gradebook.sqliteWriter.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func twoLearnersRecordsNeverMix() throws {
        let directory = DataDirectory()
        try V1Gradebook.write(to: directory.file)
        let gradebook = try Gradebook.open(directory: directory.path)
        let ana = gradebook.learner("ana")
        let test = try assessment("  mode: exam\n")
        #expect(try ana.attempts().isEmpty)
        #expect(try ana.lessonProgress().isEmpty)
        // The local learner's attempt in progress is not Ana's: she starts her own.
        guard case .resume = try gradebook.local.eligibility(for: test) else { throw TestFailure("local resumes its attempt") }
        #expect(try ana.eligibility(for: test) == .start)
        var attempt = try ana.start(test, holder: "web:ana")
        _ = try attempt.answer(yes)
        try ana.recordLessonRead("labels")
        #expect(try ana.attempts().map(\.id) == [attempt.id])
        #expect(try ana.lessonProgress().map(\.timesRead) == [1])
        #expect(try gradebook.local.attempts().map(\.id) == [2, 1])
        #expect(try gradebook.local.lessonProgress().first?.timesRead == 2)
        // Another learner's attempt ids are unknown, for reading and for writing.
        #expect(try ana.attempt(id: 1) == nil)
        #expect(throws: GradebookError.unknownAttempt(1)) { try ana.answers(attemptID: 1) }
        #expect(throws: GradebookError.unknownAttempt(2)) {
            try ana.recordAnswer(attemptID: 2, holder: "web:ana", itemID: "q3", responseJSON: "\"yes\"", secondsSpent: 1)
        }
        #expect(try gradebook.local.attempt(id: attempt.id) == nil)
        #expect(try gradebook.local.answers(attemptID: 2).count == 2)
    }
}
