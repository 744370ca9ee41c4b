import Foundation
import GRDB

extension LearnerBook {
    /// Records that a lesson was read (again), with the inline quizzes answered this time.
    public func recordLessonRead(_ lessonID: String, quizzesAnswered: Int = 0, quizzesCorrect: Int = 0) throws(GradebookError) {
        let now = now()
        try gradebook.grdbWrite { db in
            if var progress = try LessonProgress.fetchOne(db, key: ["learnerID": learnerID, "lessonID": lessonID]) {
                progress.lastReadAt = now
                progress.timesRead += 1
                progress.quizzesAnswered += quizzesAnswered
                progress.quizzesCorrect += quizzesCorrect
                try progress.update(db)
            } else {
                try LessonProgress(
                    learnerID: learnerID, lessonID: lessonID, firstReadAt: now, lastReadAt: now, timesRead: 1,
                    quizzesAnswered: quizzesAnswered, quizzesCorrect: quizzesCorrect
                ).insert(db)
            }
        }
    }

    /// Progress for every lesson read at least once.
    public func lessonProgress() throws(GradebookError) -> [LessonProgress] {
        try gradebook.grdbRead { db in
            try LessonProgress.filter(Column("learnerID") == learnerID).order(Column("firstReadAt")).fetchAll(db)
        }
    }
}
