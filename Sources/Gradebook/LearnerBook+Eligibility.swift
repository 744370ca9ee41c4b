import Foundation
public import Grading

extension LearnerBook {
    /// Applies the policy's attempts, retake delay and prerequisites to the record, for
    /// display; only ``begin(_:seed:holder:purpose:)`` acts on it.
    ///
    /// Practice is always allowed (or resumed); an exam's limits look at exam attempts only,
    /// so practising never costs an attempt or starts a retake delay.
    public func eligibility(for assessment: Assessment, purpose: AttemptPurpose = .exam) throws(GradebookError) -> Eligibility {
        try gradebook.read { db in try eligibility(db, assessment, purpose) }
    }

    /// Resumes, starts or refuses an attempt at `assessment`, deciding and recording in one
    /// write transaction: two takers beginning at once can never start two attempts or go
    /// past the attempt limit.
    ///
    /// ```swift
    /// switch try book.begin(test, seed: seed, holder: holder, purpose: .practice) { … }
    /// ```
    ///
    /// - Parameters:
    ///   - seed: Draws and shuffles the items of a new attempt (recorded, so it is redrawn alike).
    ///   - holder: Who takes a new attempt (see ``AttemptHolder``).
    ///   - purpose: A simulated exam (the default) or practice; each has at most one attempt
    ///     in progress, and the two never resume each other.
    public func begin(
        _ assessment: Assessment, seed: UInt64, holder: String, purpose: AttemptPurpose = .exam
    ) throws(GradebookError) -> Begin {
        let now = now()
        return try gradebook.write { db in
            switch try eligibility(db, assessment, purpose) {
            case .resume(let attempt): return .resume(attempt)
            case .refused(let refusal): return .refused(refusal)
            case .start:
                let plan = AttemptPlan(assessment: assessment, seed: seed)
                var attempt = Attempt(
                    id: nil, learnerID: learnerID, assessmentID: assessment.id, assessmentVersion: assessment.version,
                    seed: Int64(bitPattern: seed), itemIDs: plan.itemIDs, startedAt: now, finishedAt: nil, status: .inProgress,
                    score: nil, passed: nil, resultJSON: nil, holder: holder, heldSince: now, lastActivityAt: now, purpose: purpose)
                attempt.id = try db.insertNew(attempt)
                return .started(attempt)
            }
        }
    }

    /// Counts and indexed lookups only, so it stays fast however many attempts there are.
    private func eligibility(_ db: any SQLConnection, _ assessment: Assessment, _ purpose: AttemptPurpose) throws -> Eligibility {
        if let open = try inProgress(db, assessmentID: assessment.id, purpose: purpose) { return .resume(open) }
        guard purpose == .exam else { return .start }
        let policy = assessment.policy
        let missing = try policy.requires.filter { prerequisite in
            try db.rows(
                "SELECT id FROM attempt WHERE learnerID = ? AND purpose = ? AND assessmentID = ? AND passed = ? LIMIT 1", learnerID,
                AttemptPurpose.exam, prerequisite, true
            ).isEmpty
        }
        if !missing.isEmpty { return .refused(.needsPrerequisites(missing)) }
        let used =
            try db.value(
                Int.self, "SELECT count(*) FROM attempt WHERE learnerID = ? AND purpose = ? AND assessmentID = ?", learnerID,
                AttemptPurpose.exam, assessment.id) ?? 0
        if let limit = policy.attemptLimit, used >= limit { return .refused(.noAttemptsLeft(used: used)) }
        if let delay = policy.retakeDelayMinutes,
            let until = try nextAllowedStart(db, assessmentID: assessment.id, cooldown: delay * 60)
        {
            return .refused(.wait(until: until))
        }
        return .start
    }
}
