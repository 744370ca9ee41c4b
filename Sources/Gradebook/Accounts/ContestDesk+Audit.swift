import Foundation

extension ContestDesk {
    /// Accepts a contest (``accept(_:folder:gold:reply:)``) and writes the gold change to the
    /// audit log under `actor`: what every front end calls, so no gold change goes unlogged.
    public func accept(_ contestID: Int64, folder: String, gold: String?, reply: String?, actor: String) throws -> Acceptance {
        let done = try accept(contestID, folder: folder, gold: gold, reply: reply)
        try gradebook.audit(
            actor: actor, action: "gold.change", subject: "contest:\(contestID)",
            detail: "\(done.contest.assessmentID)/\(done.contest.itemID): \(done.contest.replacedGold ?? "?") → "
                + "\(done.contest.goldJSON ?? "?"); \(done.rescores.count) attempts re-scored")
        return done
    }

    /// Rejects a contest (the gold stands) and writes the decision to the audit log.
    public func reject(_ contestID: Int64, reply: String, actor: String) throws -> Contest {
        let contest = try gradebook.reject(contestID: contestID, reply: reply)
        try gradebook.audit(
            actor: actor, action: "gold.keep", subject: "contest:\(contestID)",
            detail: "\(contest.assessmentID)/\(contest.itemID): \(reply)")
        return contest
    }
}
