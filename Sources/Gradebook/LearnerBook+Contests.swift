public import Foundation
public import Grading

extension LearnerBook {
    /// The longest reason kept, in characters.
    public static let maximumContestReason = 2000

    /// Records that the learner thinks the gold of `itemID` is wrong, from a finished attempt.
    ///
    /// The caller checks that the attempt's policy has released the item's gold (a learner
    /// cannot contest what they were not shown) and passes the learner's own answer from the
    /// report as `proposed`.
    ///
    /// - Throws: ``ContestError`` for an attempt still in progress, an item the attempt did
    ///   not ask, an empty or overlong reason, or an open contest of this learner on the same
    ///   item; ``GradebookError`` for an unknown attempt or a file that cannot be written.
    public func fileContest(attemptID: Int64, itemID: String, reason: String, proposed: JSONValue?) throws -> Contest {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ContestError("say why you think the gold is wrong (--reason)") }
        guard reason.count <= Self.maximumContestReason else {
            throw ContestError("the reason is \(reason.count) characters; keep it under \(Self.maximumContestReason)")
        }
        let now = now()
        // A refusal is returned, not thrown, so the store does not take it for a failure of the file.
        return try gradebook.write { db -> Result<Contest, ContestError> in
            let attempt = try fetchAttempt(db, attemptID)
            guard attempt.status != .inProgress else {
                return .failure(ContestError("attempt #\(attemptID) is still in progress; contest an item once its report is out"))
            }
            guard attempt.itemIDs.contains(itemID) else {
                return .failure(
                    ContestError("attempt #\(attemptID) did not ask an item '\(itemID)'; 'groundwork report \(attemptID)' lists its items"))
            }
            if let open = try db.fetchOne(
                Contest.self, "SELECT * FROM contest WHERE learnerID = ? AND assessmentID = ? AND itemID = ? AND status = ?", learnerID,
                attempt.assessmentID, itemID, Contest.Status.open)
            {
                return .failure(ContestError("you already contested item '\(itemID)' (contest #\(open.id ?? 0)); a mentor will answer it"))
            }
            var contest = Contest(
                id: nil, learnerID: learnerID, attemptID: attemptID, assessmentID: attempt.assessmentID, itemID: itemID, reason: reason,
                proposedJSON: proposed.map(JSONText.compact), filedAt: now,
                status: .open)
            contest.id = try db.insertNew(contest)
            return .success(contest)
        }.get()
    }

    /// Files a contest from a finished attempt's report, as a learner sees it: the item must
    /// be in the report `assessment`'s policy releases (its reason or gold is shown), and the
    /// learner's own answer there becomes the gold they propose. What `groundwork contest`
    /// and the web report's form both do.
    ///
    /// - Throws: ``ContestError`` when the attempt has no report, did not ask the item, or the
    ///   policy keeps the item's gold hidden; the errors of
    ///   ``fileContest(attemptID:itemID:reason:proposed:)``.
    public func contestFromReport(attemptID: Int64, itemID: String, reason: String, assessment: Assessment) throws -> Contest {
        guard let record = try attempt(id: attemptID) else { throw GradebookError.unknownAttempt(attemptID) }
        guard GeneratedPractice.sourceID(of: record.assessmentID) == nil else { throw ContestError.generated }
        guard let json = record.resultJSON, let stored = try? JSONDecoder().decode(AttemptResult.self, from: Data(json.utf8)) else {
            throw ContestError("attempt #\(attemptID) has no report yet; contest an item once its report is out")
        }
        let released = stored.released(for: assessment.running(as: record.purpose).policy, stage: .finished)
        guard let shown = released.items.first(where: { $0.id == itemID }) else {
            throw ContestError("attempt #\(attemptID) did not ask an item '\(itemID)'; 'groundwork report \(attemptID)' lists its items")
        }
        guard shown.gold != nil || !shown.reason.isEmpty else {
            throw ContestError("this test's rules do not show the gold of '\(itemID)', so there is nothing to contest yet")
        }
        let proposed = stored.items.first { $0.id == itemID }?.response
        return try fileContest(attemptID: attemptID, itemID: itemID, reason: reason, proposed: proposed)
    }

    /// This learner's contests, newest first.
    public func contests() throws(GradebookError) -> [Contest] {
        try gradebook.read { db in
            try db.fetchAll(Contest.self, "SELECT * FROM contest WHERE learnerID = ? ORDER BY filedAt DESC, id DESC", learnerID)
        }
    }

    /// The notices of the last ``GoldNotice/shownForDays`` days, newest first; none when the
    /// gradebook cannot be read, as a home view must not fail for it.
    public func recentGoldNotices() -> [GoldNotice] {
        (try? goldNotices(since: now().addingTimeInterval(-Double(GoldNotice.shownForDays) * 86_400))) ?? []
    }

    /// What changed in this learner's records since `date` because of contests: each decision
    /// on one of their contests, and each gold change that re-scored one of their attempts
    /// (whoever contested it), newest first. What the home view shows.
    public func goldNotices(since date: Date) throws(GradebookError) -> [GoldNotice] {
        try gradebook.read { db in
            let decided = try db.fetchAll(
                Contest.self, "SELECT * FROM contest WHERE decidedAt >= ? AND (learnerID = ? OR status = ?) ORDER BY decidedAt DESC", date,
                learnerID, Contest.Status.accepted)
            return try decided.compactMap { contest in
                let rescores = try db.fetchAll(
                    Rescore.self, "SELECT * FROM rescore WHERE contestID = ? AND learnerID = ? ORDER BY attemptID", contest.id, learnerID)
                guard contest.learnerID == learnerID || !rescores.isEmpty else { return nil }
                return GoldNotice(contest: contest, mine: contest.learnerID == learnerID, rescores: rescores)
            }
        }
    }
}

/// A contest decided, as one learner should hear of it.
public struct GoldNotice: Sendable, Equatable {
    public var contest: Contest
    /// Whether this learner filed it.
    public var mine: Bool
    /// This learner's attempts it re-scored.
    public var rescores: [Rescore]
}
