import Foundation
import Grading

extension Gradebook {
    /// Every learner's contests, oldest first; only those with `status` when given.
    public func contests(status: Contest.Status? = nil) throws(GradebookError) -> [Contest] {
        try read { db in
            guard let status else { return try db.fetchAll(Contest.self, "SELECT * FROM contest ORDER BY filedAt, id") }
            return try db.fetchAll(Contest.self, "SELECT * FROM contest WHERE status = ? ORDER BY filedAt, id", status)
        }
    }

    public func contest(id: Int64) throws(GradebookError) -> Contest? {
        try read { db in try Self.contest(db, id) }
    }

    /// The re-scores an accepted contest made.
    public func rescores(contestID: Int64) throws(GradebookError) -> [Rescore] {
        try read { db in try db.fetchAll(Rescore.self, "SELECT * FROM rescore WHERE contestID = ? ORDER BY attemptID", contestID) }
    }

    /// Rejects an open contest with the mentor's reply; the gold stays.
    ///
    /// - Throws: ``ContestError`` for an unknown or already decided contest or an empty reply.
    public func reject(contestID: Int64, reply: String) throws -> Contest {
        let reply = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reply.isEmpty else { throw ContestError("say why the gold stands (--reply); the learner reads it") }
        let now = now()
        return try write { db -> Result<Contest, ContestError> in
            guard var contest = try Self.contest(db, contestID) else { return .failure(Self.unknown(contestID)) }
            guard contest.status == .open else { return .failure(Self.decided(contest)) }
            contest.status = .rejected
            contest.reply = reply
            contest.decidedAt = now
            try db.update(contest)
            return .success(contest)
        }.get()
    }

    /// Every finished attempt, of any learner, at `assessmentID` that asked `itemID` and has a
    /// result: those a change to that item's gold re-scores.
    public func attemptsAsking(_ itemID: String, assessmentID: String) throws(GradebookError) -> [Attempt] {
        try finishedAttempts(assessmentID: assessmentID).filter { $0.itemIDs.contains(itemID) }
    }

    /// Marks a contest accepted and stores each attempt's new result, keeping the old one in
    /// a ``Rescore``, all in one transaction: either every attempt is re-scored or none is.
    ///
    /// - Throws: ``ContestError`` when the contest is unknown or no longer open (another
    ///   mentor decided it meanwhile).
    func recordAcceptance(
        _ contestID: Int64, reply: String?, gold: JSONValue, replaced: String, version: String,
        rescored: [(attempt: Attempt, result: AttemptResult)]
    ) throws -> (Contest, [Rescore]) {
        let now = now()
        return try write { db -> Result<(Contest, [Rescore]), ContestError> in
            guard var contest = try Self.contest(db, contestID) else { return .failure(Self.unknown(contestID)) }
            guard contest.status == .open else { return .failure(Self.decided(contest)) }
            contest.status = .accepted
            contest.reply = reply
            contest.decidedAt = now
            contest.goldJSON = JSONText.compact(gold)
            contest.replacedGold = replaced
            try db.update(contest)
            var rescores: [Rescore] = []
            for (old, result) in rescored {
                guard let id = old.id, let oldScore = old.score, let oldPassed = old.passed, let oldJSON = old.resultJSON else { continue }
                var rescore = Rescore(
                    id: nil, contestID: contestID, jobID: nil, attemptID: id, learnerID: old.learnerID, oldScore: oldScore, oldPassed: oldPassed,
                    oldResultJSON: oldJSON, oldAssessmentVersion: old.assessmentVersion, newScore: result.score, newPassed: result.passed,
                    rescoredAt: now)
                rescore.id = try db.insertNew(rescore)
                rescores.append(rescore)
                try db.execute(
                    "UPDATE attempt SET score = ?, passed = ?, resultJSON = ?, assessmentVersion = ? WHERE id = ?", result.score,
                    result.passed,
                    result.jsonText(), version, id)
            }
            return .success((contest, rescores))
        }.get()
    }

    static func contest(_ db: any SQLConnection, _ id: Int64) throws -> Contest? {
        try db.fetchOne(Contest.self, "SELECT * FROM contest WHERE id = ?", id)
    }

    static func unknown(_ id: Int64) -> ContestError {
        ContestError("no contest #\(id); 'groundwork contests' lists them")
    }

    static func decided(_ contest: Contest) -> ContestError {
        ContestError(
            "contest #\(contest.id ?? 0) was already \(contest.status.rawValue)\(contest.decidedAt.map { " on \($0.formatted(.iso8601))" } ?? "")"
        )
    }
}
