public import Foundation
import GRDB
public import Grading

extension LearnerBook {
    /// The attempt `id`, with its items and report; nil when this learner has no such attempt.
    public func attempt(id: Int64) throws(GradebookError) -> Attempt? {
        try gradebook.grdbRead { db in try Attempt.filter(id: id).filter(Column("learnerID") == learnerID).fetchOne(db) }
    }

    /// Every answer of an attempt, in the order given.
    public func answers(attemptID: Int64) throws(GradebookError) -> [Answer] {
        try gradebook.grdbRead { db in
            _ = try fetchAttempt(db, attemptID)
            return try Answer.filter(Column("attemptID") == attemptID).order(Column("sequence")).fetchAll(db)
        }
    }

    public func resumptions(attemptID: Int64) throws(GradebookError) -> [Resumption] {
        try gradebook.grdbRead { db in
            _ = try fetchAttempt(db, attemptID)
            return try Resumption.filter(Column("attemptID") == attemptID).order(Column("resumedAt")).fetchAll(db)
        }
    }

    /// The attempt at `assessmentID` for `purpose` still in progress, if any: the one `take`
    /// (or `practice`) resumes.
    public func attemptInProgress(assessmentID: String, purpose: AttemptPurpose = .exam) throws(GradebookError) -> Attempt? {
        try gradebook.grdbRead { db in try inProgress(db, assessmentID: assessmentID, purpose: purpose) }
    }

    /// Attempts, newest first; all of them, or those at one assessment, or of one purpose.
    /// Summaries only: a list never loads the reports.
    public func attempts(assessmentID: String? = nil, purpose: AttemptPurpose? = nil) throws(GradebookError) -> [AttemptSummary] {
        try gradebook.grdbRead { db in
            var request = AttemptSummary.filter(Column("learnerID") == learnerID)
            if let assessmentID { request = request.filter(Column("assessmentID") == assessmentID) }
            if let purpose { request = request.filter(Column("purpose") == purpose.rawValue) }
            return try request.order(Column("startedAt").desc, Column("id").desc).fetchAll(db)
        }
    }

    /// The newest attempt (at `assessmentID`, if given), with its items and report; nil when
    /// there is none. One indexed row, however many attempts there are.
    public func latestAttempt(assessmentID: String? = nil) throws(GradebookError) -> Attempt? {
        try gradebook.grdbRead { db in
            var request = Attempt.filter(Column("learnerID") == learnerID)
            if let assessmentID { request = request.filter(Column("assessmentID") == assessmentID) }
            return try request.order(Column("startedAt").desc, Column("id").desc).fetchOne(db)
        }
    }

    /// How many attempts of `purpose` the learner made at `assessmentID`, counted in an index.
    public func attemptCount(assessmentID: String, purpose: AttemptPurpose) throws(GradebookError) -> Int {
        try gradebook.grdbRead { db in
            try Attempt.filter(
                Column("learnerID") == learnerID && Column("assessmentID") == assessmentID && Column("purpose") == purpose.rawValue
            ).fetchCount(db)
        }
    }

    /// When the learner may next start an exam at `assessmentID`, given a cooldown after each
    /// finished exam attempt (practice starts none); nil when they may start now. Read from the file, so it holds across restarts.
    public func nextAllowedStart(assessmentID: String, cooldown: TimeInterval) throws(GradebookError) -> Date? {
        try gradebook.grdbRead { db in try nextAllowedStart(db, assessmentID: assessmentID, cooldown: cooldown) }
    }

    func inProgress(_ db: Database, assessmentID: String, purpose: AttemptPurpose) throws -> Attempt? {
        try Attempt.filter(
            Column("learnerID") == learnerID && Column("assessmentID") == assessmentID
                && Column("status") == Attempt.Status.inProgress.rawValue && Column("purpose") == purpose.rawValue
        ).order(Column("startedAt").desc).fetchOne(db)
    }

    func nextAllowedStart(_ db: Database, assessmentID: String, cooldown: TimeInterval) throws -> Date? {
        let lastFinish = try Date.fetchOne(
            db,
            sql: "SELECT MAX(finishedAt) FROM attempt WHERE learnerID = ? AND assessmentID = ? AND finishedAt IS NOT NULL AND purpose = ?",
            arguments: [learnerID, assessmentID, AttemptPurpose.exam.rawValue])
        guard let allowed = lastFinish?.addingTimeInterval(cooldown) else { return nil }
        return allowed > now() ? allowed : nil
    }
}
