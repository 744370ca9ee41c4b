public import Foundation

/// Writes made while an attempt is taken. Each checks, inside its own transaction, that the
/// attempt is in progress and that the caller holds it, so a taker whose attempt was taken
/// over is refused instead of interleaving its answers with the new taker's.
extension LearnerBook {
    /// Makes `holder` the taker of an attempt in progress. It succeeds when nobody holds it,
    /// when `holder` already does, or when the holder is a terminal process on this host that
    /// no longer runs; otherwise only with `takingOver`.
    ///
    /// - Throws: ``GradebookError/heldElsewhere(attemptID:holder:since:)`` when another taker has it.
    @discardableResult
    public func claim(attemptID: Int64, holder: String, takingOver: Bool = false) throws(GradebookError) -> Attempt {
        let now = now()
        return try gradebook.write { db in
            var attempt = try fetchAttempt(db, attemptID)
            try claim(&attempt, for: holder, takingOver: takingOver, at: now)
            try db.update(attempt)
            return attempt
        }
    }

    /// Claims an interrupted attempt for `holder` and records that it is picked up again,
    /// with the gap since it was last active (which the clock does not count).
    @discardableResult
    public func resume(attemptID: Int64, holder: String, takingOver: Bool = false) throws(GradebookError) -> Resumption {
        let now = now()
        return try gradebook.write { db in
            var attempt = try fetchAttempt(db, attemptID)
            try claim(&attempt, for: holder, takingOver: takingOver, at: now)
            return try recordResumption(db, &attempt, at: now)
        }
    }

    /// Records a resumption only when the attempt sat idle for longer than `seconds` (a
    /// learner coming back to a web page); nil, and nothing written, otherwise.
    public func resumeIfIdle(attemptID: Int64, holder: String, longerThan seconds: TimeInterval) throws(GradebookError) -> Resumption? {
        let now = now()
        return try gradebook.write { db in
            var attempt = try heldAttempt(db, attemptID, by: holder)
            guard now.timeIntervalSince(attempt.lastActivityAt) > seconds else { return nil }
            return try recordResumption(db, &attempt, at: now)
        }
    }

    /// The taker is still there (a web page's heartbeat): moves the attempt's last activity to now.
    public func touch(attemptID: Int64, holder: String) throws(GradebookError) {
        let now = now()
        try gradebook.write { db in
            var attempt = try heldAttempt(db, attemptID, by: holder)
            attempt.lastActivityAt = now
            try db.update(attempt, columns: ["lastActivityAt", "holder", "heldSince"])
        }
    }

    /// Writes one answer now. Answers are never updated or deleted.
    ///
    /// A save repeated with the same `clientSequence` returns the answer recorded the first
    /// time and writes nothing, even after the attempt finished.
    ///
    /// - Throws: ``GradebookError/unknownAttempt(_:)``, ``GradebookError/attemptFinished(_:)``,
    ///   ``GradebookError/heldElsewhere(attemptID:holder:since:)`` or
    ///   ``GradebookError/answerConflict(attemptID:clientSequence:)`` when the repeated save
    ///   names another item or response.
    @discardableResult
    public func recordAnswer(
        attemptID: Int64, holder: String, itemID: String, clientSequence: Int64? = nil, responseJSON: String, secondsSpent: Double,
        score: Double? = nil
    ) throws(GradebookError) -> Answer {
        let now = now()
        return try gradebook.write { db in
            if let clientSequence, let saved = try answer(db, attemptID: attemptID, clientSequence: clientSequence) {
                guard saved.itemID == itemID, saved.responseJSON == responseJSON else {
                    throw GradebookError.answerConflict(attemptID: attemptID, clientSequence: clientSequence)
                }
                return saved
            }
            var attempt = try heldAttempt(db, attemptID, by: holder)
            var answer = Answer(
                id: nil, attemptID: attemptID, itemID: itemID, sequence: try nextSequence(db, attemptID), responseJSON: responseJSON,
                answeredAt: now, secondsSpent: secondsSpent, score: score, clientSequence: clientSequence)
            answer.id = try db.insertNew(answer)
            attempt.lastActivityAt = now
            try db.update(attempt, columns: ["lastActivityAt", "holder", "heldSince"])
            return answer
        }
    }

    /// Closes an attempt with its outcome. A finished attempt cannot be finished again.
    public func finishAttempt(
        _ attemptID: Int64, holder: String, status: Attempt.Status, score: Double?, passed: Bool?, resultJSON: String?
    ) throws(GradebookError) {
        precondition(status != .inProgress, "finishing an attempt needs a final status")
        let now = now()
        try gradebook.write { db in
            var attempt = try heldAttempt(db, attemptID, by: holder)
            attempt.status = status
            attempt.finishedAt = now
            attempt.lastActivityAt = now
            attempt.score = score
            attempt.passed = passed
            attempt.resultJSON = resultJSON
            try db.update(attempt)
        }
    }

    /// The answer saved under `clientSequence`, if any (this learner's attempts only).
    private func answer(_ db: any SQLConnection, attemptID: Int64, clientSequence: Int64) throws -> Answer? {
        _ = try fetchAttempt(db, attemptID)
        return try db.fetchOne(Answer.self, "SELECT * FROM answer WHERE attemptID = ? AND clientSequence = ?", attemptID, clientSequence)
    }

    /// The number of the attempt's next answer.
    func nextSequence(_ db: any SQLConnection, _ attemptID: Int64) throws -> Int {
        try db.value(Int.self, "SELECT COALESCE(MAX(sequence), 0) + 1 FROM answer WHERE attemptID = ?", attemptID) ?? 1
    }

    /// The attempt, in progress and writable by `holder` (who claims it if nobody held it).
    func heldAttempt(_ db: any SQLConnection, _ attemptID: Int64, by holder: String) throws -> Attempt {
        var attempt = try fetchAttempt(db, attemptID)
        guard attempt.status == .inProgress else { throw GradebookError.attemptFinished(attemptID) }
        guard attempt.isHeld(by: holder) else { throw attempt.heldElsewhere }
        if attempt.holder == nil {
            attempt.holder = holder
            attempt.heldSince = now()
        }
        return attempt
    }

    private func claim(_ attempt: inout Attempt, for holder: String, takingOver: Bool, at now: Date) throws {
        guard attempt.status == .inProgress else { throw GradebookError.attemptFinished(attempt.id ?? 0) }
        guard attempt.holder != holder else { return }
        guard attempt.isHeld(by: holder) || takingOver || AttemptHolder.isGone(attempt.holder ?? "") else { throw attempt.heldElsewhere }
        attempt.holder = holder
        attempt.heldSince = now
    }

    private func recordResumption(_ db: any SQLConnection, _ attempt: inout Attempt, at now: Date) throws -> Resumption {
        var resumption = Resumption(id: nil, attemptID: attempt.id ?? 0, resumedAt: now, lastActivityAt: attempt.lastActivityAt)
        resumption.id = try db.insertNew(resumption)
        attempt.lastActivityAt = now
        try db.update(attempt)
        return resumption
    }
}
