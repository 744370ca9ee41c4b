import Foundation
import GRDB

extension Gradebook {
    /// Records that a lesson was read (again), with the inline quizzes answered this time.
    public func recordLessonRead(_ lessonID: String, quizzesAnswered: Int = 0, quizzesCorrect: Int = 0) throws {
        let now = clock()
        try queue.write { db in
            if var progress = try LessonProgress.fetchOne(db, key: lessonID) {
                progress.lastReadAt = now
                progress.timesRead += 1
                progress.quizzesAnswered += quizzesAnswered
                progress.quizzesCorrect += quizzesCorrect
                try progress.update(db)
            } else {
                try LessonProgress(
                    lessonID: lessonID, firstReadAt: now, lastReadAt: now, timesRead: 1,
                    quizzesAnswered: quizzesAnswered, quizzesCorrect: quizzesCorrect
                ).insert(db)
            }
        }
    }

    /// Progress for every lesson read at least once.
    public func lessonProgress() throws -> [LessonProgress] {
        try queue.read { db in try LessonProgress.order(Column("firstReadAt")).fetchAll(db) }
    }
}
