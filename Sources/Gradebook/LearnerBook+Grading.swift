import Foundation

extension LearnerBook {
    /// Records a grade of a finished attempt's written answer — the learner's self-grade, or
    /// a mentor's — as one more answer row for the item (its response: the same text with
    /// the grade), and stores the attempt's result scored again with it, in one transaction.
    /// Answers stay append-only: the text as submitted is kept in the earlier row.
    ///
    /// Only ``RecordedAttempt/grade(_:_:)`` calls it, for a finished attempt (which never
    /// reopens); one in progress is graded through ``recordAnswer(attemptID:holder:itemID:clientSequence:responseJSON:secondsSpent:score:)``
    /// by its holder.
    ///
    /// - Throws: ``GradebookError/unknownAttempt(_:)`` or a failure to write.
    func recordGrade(
        attemptID: Int64, itemID: String, responseJSON: String, score: Double, passed: Bool, resultJSON: String
    ) throws(GradebookError) {
        let now = now()
        try gradebook.write { db in
            var attempt = try fetchAttempt(db, attemptID)
            precondition(attempt.status != .inProgress, "an attempt in progress is graded by its holder through recordAnswer")
            let answer = Answer(
                id: nil, attemptID: attemptID, itemID: itemID, sequence: try nextSequence(db, attemptID), responseJSON: responseJSON,
                answeredAt: now, secondsSpent: 0, score: nil, clientSequence: nil)
            _ = try db.insertNew(answer)
            attempt.score = score
            attempt.passed = passed
            attempt.resultJSON = resultJSON
            try db.update(attempt, columns: ["score", "passed", "resultJSON"])
        }
    }
}
