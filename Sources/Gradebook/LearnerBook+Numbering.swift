import Grading

extension LearnerBook {
    /// Which of this learner's attempts of its purpose at its test `attempt` is, counting from
    /// 1 in the order they began: "attempt 2 at sentiment-quiz", "practice 5". The gradebook's
    /// id (`#13`, what `report` takes) counts every test and purpose together, which means
    /// nothing to a learner asking how many tries a test has taken.
    public func ordinal(of attempt: Attempt) throws(GradebookError) -> Int {
        guard let id = attempt.id else { return 0 }
        return try gradebook.read { db in
            try db.value(
                Int.self, "SELECT COUNT(*) FROM attempt WHERE learnerID = ? AND assessmentID = ? AND purpose = ? AND id <= ?", learnerID,
                attempt.assessmentID, attempt.purpose, id) ?? 0
        }
    }
}
