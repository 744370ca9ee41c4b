public import Foundation
public import Grading

/// A finished attempt with its stored (unreleased) result: what readiness, pace and review
/// read. Views must pass ``result`` through ``Grading/AttemptResult/released(for:stage:)``
/// before showing anything from it.
public struct FinishedAttempt: Sendable {
    public var id: Int64
    public var assessmentID: String
    public var purpose: AttemptPurpose
    public var startedAt: Date
    public var finishedAt: Date
    public var result: AttemptResult
}

extension LearnerBook {
    /// The learner's finished, scored attempts, newest first, at most `limit` of them.
    /// Attempts whose stored report cannot be read (written by a damaged file or a newer
    /// Groundwork) are left out rather than failing every view that reads history.
    public func finishedAttempts(limit: Int = 500) throws(GradebookError) -> [FinishedAttempt] {
        let records = try gradebook.read { db in
            try db.fetchAll(
                Attempt.self,
                "SELECT * FROM attempt WHERE learnerID = ? AND resultJSON IS NOT NULL AND finishedAt IS NOT NULL ORDER BY finishedAt DESC, id DESC LIMIT ?",
                learnerID, limit)
        }
        let decoder = JSONDecoder()
        return records.compactMap { record in
            guard let id = record.id, let finishedAt = record.finishedAt, let json = record.resultJSON,
                let result = try? decoder.decode(AttemptResult.self, from: Data(json.utf8))
            else { return nil }
            return FinishedAttempt(
                id: id, assessmentID: record.assessmentID, purpose: record.purpose, startedAt: record.startedAt,
                finishedAt: finishedAt, result: result)
        }
    }
}
