public import Foundation
public import Grading

extension LearnerBook {
    /// The attempt `id`, with its items and report; nil when this learner has no such attempt.
    public func attempt(id: Int64) throws(GradebookError) -> Attempt? {
        try gradebook.read { db in try findAttempt(db, id) }
    }

    /// Every answer of an attempt, in the order given.
    public func answers(attemptID: Int64) throws(GradebookError) -> [Answer] {
        try gradebook.read { db in
            _ = try fetchAttempt(db, attemptID)
            return try db.fetchAll(Answer.self, "SELECT * FROM answer WHERE attemptID = ? ORDER BY sequence", attemptID)
        }
    }

    public func resumptions(attemptID: Int64) throws(GradebookError) -> [Resumption] {
        try gradebook.read { db in
            _ = try fetchAttempt(db, attemptID)
            return try db.fetchAll(Resumption.self, "SELECT * FROM resumption WHERE attemptID = ? ORDER BY resumedAt", attemptID)
        }
    }

    /// The attempt at `assessmentID` for `purpose` still in progress, if any: the one `take`
    /// (or `practice`) resumes.
    public func attemptInProgress(assessmentID: String, purpose: AttemptPurpose = .exam) throws(GradebookError) -> Attempt? {
        try gradebook.read { db in try inProgress(db, assessmentID: assessmentID, purpose: purpose) }
    }

    /// Attempts, newest first; all of them, or those at one assessment, or of one purpose.
    /// Summaries only: a list never loads the reports.
    public func attempts(assessmentID: String? = nil, purpose: AttemptPurpose? = nil) throws(GradebookError) -> [AttemptSummary] {
        var conditions = ["learnerID = ?"]
        var arguments: [SQLValue] = [.text(learnerID)]
        if let assessmentID {
            conditions.append("assessmentID = ?")
            arguments.append(.text(assessmentID))
        }
        if let purpose {
            conditions.append("purpose = ?")
            arguments.append(purpose.sqlValue)
        }
        let sql =
            "SELECT \(AttemptSummary.columns) FROM attempt WHERE \(conditions.joined(separator: " AND ")) ORDER BY startedAt DESC, id DESC"
        return try gradebook.read { db in try db.rows(sql: sql, arguments: arguments).map(AttemptSummary.init(row:)) }
    }

    /// The newest attempt (at `assessmentID`, if given), with its items and report; nil when
    /// there is none. One indexed row, however many attempts there are.
    public func latestAttempt(assessmentID: String? = nil) throws(GradebookError) -> Attempt? {
        try gradebook.read { db in
            guard let assessmentID else {
                return try db.fetchOne(
                    Attempt.self, "SELECT * FROM attempt WHERE learnerID = ? ORDER BY startedAt DESC, id DESC LIMIT 1", learnerID)
            }
            return try db.fetchOne(
                Attempt.self, "SELECT * FROM attempt WHERE learnerID = ? AND assessmentID = ? ORDER BY startedAt DESC, id DESC LIMIT 1",
                learnerID, assessmentID)
        }
    }

    /// How many attempts of `purpose` the learner made at `assessmentID`, counted in an index.
    public func attemptCount(assessmentID: String, purpose: AttemptPurpose) throws(GradebookError) -> Int {
        try gradebook.read { db in
            try db.value(
                Int.self, "SELECT count(*) FROM attempt WHERE learnerID = ? AND assessmentID = ? AND purpose = ?", learnerID, assessmentID,
                purpose) ?? 0
        }
    }

    /// When the learner may next start an exam at `assessmentID`, given a cooldown after each
    /// finished exam attempt (practice starts none); nil when they may start now. Read from the file, so it holds across restarts.
    public func nextAllowedStart(assessmentID: String, cooldown: TimeInterval) throws(GradebookError) -> Date? {
        try gradebook.read { db in try nextAllowedStart(db, assessmentID: assessmentID, cooldown: cooldown) }
    }

    func inProgress(_ db: any SQLConnection, assessmentID: String, purpose: AttemptPurpose) throws -> Attempt? {
        try db.fetchOne(
            Attempt.self,
            "SELECT * FROM attempt WHERE learnerID = ? AND assessmentID = ? AND status = ? AND purpose = ? ORDER BY startedAt DESC LIMIT 1",
            learnerID, assessmentID, Attempt.Status.inProgress, purpose)
    }

    func nextAllowedStart(_ db: any SQLConnection, assessmentID: String, cooldown: TimeInterval) throws -> Date? {
        let lastFinish = try db.value(
            Date.self,
            "SELECT MAX(finishedAt) FROM attempt WHERE learnerID = ? AND assessmentID = ? AND finishedAt IS NOT NULL AND purpose = ?",
            learnerID, assessmentID, AttemptPurpose.exam)
        guard let allowed = lastFinish?.addingTimeInterval(cooldown) else { return nil }
        return allowed > now() ? allowed : nil
    }
}
