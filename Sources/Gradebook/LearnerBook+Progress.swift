import Foundation

extension LearnerBook {
    /// Records that a lesson was read (again), with the inline quizzes answered this time.
    public func recordLessonRead(_ lessonID: String, quizzesAnswered: Int = 0, quizzesCorrect: Int = 0) throws(GradebookError) {
        let now = now()
        try gradebook.write { db in
            if var progress = try db.fetchOne(
                LessonProgress.self, "SELECT * FROM lessonProgress WHERE learnerID = ? AND lessonID = ?", learnerID, lessonID)
            {
                progress.lastReadAt = now
                progress.timesRead += 1
                progress.quizzesAnswered += quizzesAnswered
                progress.quizzesCorrect += quizzesCorrect
                try db.update(progress, key: ["learnerID", "lessonID"])
            } else {
                try db.insert(
                    LessonProgress(
                        learnerID: learnerID, lessonID: lessonID, firstReadAt: now, lastReadAt: now, timesRead: 1,
                        quizzesAnswered: quizzesAnswered, quizzesCorrect: quizzesCorrect))
            }
        }
    }

    /// Progress for every lesson read at least once.
    public func lessonProgress() throws(GradebookError) -> [LessonProgress] {
        try gradebook.read { db in
            try db.fetchAll(LessonProgress.self, "SELECT * FROM lessonProgress WHERE learnerID = ? ORDER BY firstReadAt", learnerID)
        }
    }
}
