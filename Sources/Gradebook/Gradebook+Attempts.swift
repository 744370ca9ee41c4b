public import Foundation
import GRDB

extension Gradebook {
    /// Records the start of an attempt and returns it with its id.
    public func startAttempt(assessmentID: String, assessmentVersion: String, seed: Int64, itemIDs: [String]) throws -> Attempt {
        var attempt = Attempt(
            id: nil, assessmentID: assessmentID, assessmentVersion: assessmentVersion, seed: seed, itemIDs: itemIDs,
            startedAt: clock(), finishedAt: nil, status: .inProgress, score: nil, passed: nil, resultJSON: nil)
        try queue.write { db in try attempt.insert(db) }
        return attempt
    }

    /// Writes one answer now. Answers are never updated or deleted.
    ///
    /// - Throws: ``GradebookError/unknownAttempt(_:)`` or ``GradebookError/attemptFinished(_:)``.
    @discardableResult
    public func recordAnswer(
        attemptID: Int64, itemID: String, responseJSON: String, secondsSpent: Double, score: Double? = nil
    ) throws -> Answer {
        let now = clock()
        return try queue.write { db in
            guard let attempt = try Attempt.fetchOne(db, key: attemptID) else { throw GradebookError.unknownAttempt(attemptID) }
            guard attempt.status == .inProgress else { throw GradebookError.attemptFinished(attemptID) }
            let sequence =
                try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM answer WHERE attemptID = ?", arguments: [attemptID])
                ?? 1
            var answer = Answer(
                id: nil, attemptID: attemptID, itemID: itemID, sequence: sequence, responseJSON: responseJSON,
                answeredAt: now, secondsSpent: secondsSpent, score: score)
            try answer.insert(db)
            return answer
        }
    }

    /// Notes that an interrupted attempt is being picked up again, and returns the gap.
    @discardableResult
    public func resume(attemptID: Int64) throws -> Resumption {
        let now = clock()
        return try queue.write { db in
            guard let attempt = try Attempt.fetchOne(db, key: attemptID) else { throw GradebookError.unknownAttempt(attemptID) }
            guard attempt.status == .inProgress else { throw GradebookError.attemptFinished(attemptID) }
            let lastAnswer = try Date.fetchOne(db, sql: "SELECT MAX(answeredAt) FROM answer WHERE attemptID = ?", arguments: [attemptID])
            let lastResume = try Date.fetchOne(db, sql: "SELECT MAX(resumedAt) FROM resumption WHERE attemptID = ?", arguments: [attemptID])
            let lastActivity = [attempt.startedAt, lastAnswer, lastResume].compactMap { $0 }.max() ?? attempt.startedAt
            var resumption = Resumption(id: nil, attemptID: attemptID, resumedAt: now, lastActivityAt: lastActivity)
            try resumption.insert(db)
            return resumption
        }
    }

    /// Closes an attempt with its outcome. A finished attempt cannot be finished again.
    public func finishAttempt(
        _ attemptID: Int64, status: Attempt.Status, score: Double?, passed: Bool?, resultJSON: String?
    ) throws {
        precondition(status != .inProgress, "finishing an attempt needs a final status")
        let now = clock()
        try queue.write { db in
            guard var attempt = try Attempt.fetchOne(db, key: attemptID) else { throw GradebookError.unknownAttempt(attemptID) }
            guard attempt.status == .inProgress else { throw GradebookError.attemptFinished(attemptID) }
            attempt.status = status
            attempt.finishedAt = now
            attempt.score = score
            attempt.passed = passed
            attempt.resultJSON = resultJSON
            try attempt.update(db)
        }
    }

    public func attempt(id: Int64) throws -> Attempt? {
        try queue.read { db in try Attempt.fetchOne(db, key: id) }
    }

    /// Every answer of an attempt, in the order given.
    public func answers(attemptID: Int64) throws -> [Answer] {
        try queue.read { db in
            try Answer.filter(Column("attemptID") == attemptID).order(Column("sequence")).fetchAll(db)
        }
    }

    public func resumptions(attemptID: Int64) throws -> [Resumption] {
        try queue.read { db in
            try Resumption.filter(Column("attemptID") == attemptID).order(Column("resumedAt")).fetchAll(db)
        }
    }

    /// The attempt at `assessmentID` still in progress, if any: the one `take` resumes.
    public func attemptInProgress(assessmentID: String) throws -> Attempt? {
        try queue.read { db in
            try Attempt.filter(Column("assessmentID") == assessmentID && Column("status") == Attempt.Status.inProgress.rawValue)
                .order(Column("startedAt").desc).fetchOne(db)
        }
    }

    /// Attempts, newest first; all of them, or those at one assessment.
    public func attempts(assessmentID: String? = nil) throws -> [Attempt] {
        try queue.read { db in
            var request = Attempt.order(Column("startedAt").desc, Column("id").desc)
            if let assessmentID { request = request.filter(Column("assessmentID") == assessmentID) }
            return try request.fetchAll(db)
        }
    }

    /// When the learner may next start `assessmentID`, given a cooldown after each finished
    /// attempt; nil when they may start now. Read from the file, so it holds across restarts.
    public func nextAllowedStart(assessmentID: String, cooldown: TimeInterval) throws -> Date? {
        let lastFinish = try queue.read { db in
            try Date.fetchOne(
                db, sql: "SELECT MAX(finishedAt) FROM attempt WHERE assessmentID = ? AND finishedAt IS NOT NULL", arguments: [assessmentID])
        }
        guard let lastFinish else { return nil }
        let allowed = lastFinish.addingTimeInterval(cooldown)
        return allowed > clock() ? allowed : nil
    }
}
