import Foundation
import Grading

extension Gradebook {
    /// Every finished attempt, of any learner, at `assessmentID` that has a result, oldest first.
    func finishedAttempts(assessmentID: String) throws(GradebookError) -> [Attempt] {
        try read { db in
            try db.fetchAll(
                Attempt.self,
                "SELECT * FROM attempt WHERE assessmentID = ? AND status <> ? AND resultJSON IS NOT NULL ORDER BY id",
                assessmentID, Attempt.Status.inProgress.rawValue)
        }
    }

    /// Stores re-scored results in one transaction, if `worker` still holds job `jobID`. An
    /// attempt whose result changed since it was read (an accepted contest re-scored it) is
    /// left alone and returned in `changedMeanwhile`; one whose result is the same only gets
    /// the new version, so it is not replayed again.
    ///
    /// - Throws: ``JobError/leaseLost(_:)`` (nothing is written) or ``GradebookError``.
    func recordJobRescores(
        jobID: Int64, worker: String, version: String, _ replayed: [(attempt: Attempt, result: AttemptResult)]
    ) throws -> (rescores: [Rescore], changedMeanwhile: [Int64]) {
        let now = now()
        return try write { db -> Result<([Rescore], [Int64]), JobError> in
            let held = try db.rows("SELECT id FROM job WHERE id = ? AND worker = ? AND status = 'running'", jobID, worker)
            guard !held.isEmpty else { return .failure(.leaseLost(jobID)) }
            var rescores: [Rescore] = []
            var changedMeanwhile: [Int64] = []
            for (old, result) in replayed {
                guard let id = old.id, let oldScore = old.score, let oldPassed = old.passed, let oldJSON = old.resultJSON else { continue }
                let newJSON = result.jsonText()
                let updated = try db.rows(
                    """
                    UPDATE attempt SET score = ?, passed = ?, resultJSON = ?, assessmentVersion = ?
                    WHERE id = ? AND assessmentVersion = ? AND resultJSON = ? RETURNING id
                    """,
                    result.score, result.passed, newJSON, version, id, old.assessmentVersion, oldJSON)
                guard !updated.isEmpty else {
                    changedMeanwhile.append(id)
                    continue
                }
                guard newJSON != oldJSON else { continue }
                var rescore = Rescore(
                    id: nil, contestID: nil, jobID: jobID, attemptID: id, learnerID: old.learnerID, oldScore: oldScore,
                    oldPassed: oldPassed,
                    oldResultJSON: oldJSON, oldAssessmentVersion: old.assessmentVersion, newScore: result.score,
                    newPassed: result.passed, rescoredAt: now)
                rescore.id = try db.insertNew(rescore)
                rescores.append(rescore)
            }
            return .success((rescores, changedMeanwhile))
        }.get()
    }
}

extension GradebookError {
    /// Whether trying the same thing later may work (the store was busy or out of reach),
    /// as opposed to a refusal that stands.
    var mayPass: Bool {
        switch self {
        case .busy, .unavailable, .diskFull: return true
        default: return false
        }
    }
}

