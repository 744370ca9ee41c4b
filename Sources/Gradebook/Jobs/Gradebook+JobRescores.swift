import Foundation
import GRDB
import Grading

extension Gradebook {
    /// Every finished attempt, of any learner, at `assessmentID` that has a result, oldest first.
    func finishedAttempts(assessmentID: String) throws(GradebookError) -> [Attempt] {
        try read { db in
            try Attempt.filter(
                Column("assessmentID") == assessmentID && Column("status") != Attempt.Status.inProgress.rawValue
                    && Column("resultJSON") != nil
            ).order(Column("id")).fetchAll(db)
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
            let held = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM job WHERE id = ? AND worker = ? AND status = 'running'", arguments: [jobID, worker])
            guard held == true else { return .failure(.leaseLost(jobID)) }
            var rescores: [Rescore] = []
            var changedMeanwhile: [Int64] = []
            for (old, result) in replayed {
                guard let id = old.id, let oldScore = old.score, let oldPassed = old.passed, let oldJSON = old.resultJSON else { continue }
                let newJSON = result.jsonText()
                try db.execute(
                    sql: """
                        UPDATE attempt SET score = ?, passed = ?, resultJSON = ?, assessmentVersion = ?
                        WHERE id = ? AND assessmentVersion = ? AND resultJSON = ?
                        """,
                    arguments: [result.score, result.passed, newJSON, version, id, old.assessmentVersion, oldJSON])
                guard db.changesCount == 1 else {
                    changedMeanwhile.append(id)
                    continue
                }
                guard newJSON != oldJSON else { continue }
                var rescore = Rescore(
                    id: nil, contestID: nil, jobID: jobID, attemptID: id, learnerID: old.learnerID, oldScore: oldScore,
                    oldPassed: oldPassed,
                    oldResultJSON: oldJSON, oldAssessmentVersion: old.assessmentVersion, newScore: result.score,
                    newPassed: result.passed, rescoredAt: now)
                try rescore.insert(db)
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
