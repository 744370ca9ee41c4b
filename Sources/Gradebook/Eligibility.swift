public import Foundation
public import Grading

/// Whether a learner may take an assessment now, under its policy and their record.
public enum Eligibility: Sendable, Equatable {
    /// An attempt is in progress: continue it.
    case resume(Attempt)
    /// A new attempt may start.
    case start
    /// The retake delay after the last attempt runs until this moment.
    case wait(until: Date)
    /// Every allowed attempt was used.
    case noAttemptsLeft(used: Int)
    /// These assessments must be passed first.
    case needsPrerequisites([String])

    /// Whether `take` can go ahead now (start or resume).
    public var allowsTaking: Bool {
        switch self {
        case .resume, .start: return true
        case .wait, .noAttemptsLeft, .needsPrerequisites: return false
        }
    }
}

extension Gradebook {
    /// Applies the policy's attempts, retake delay and prerequisites to the record. Read from
    /// the file each time, so the rules hold across restarts of the program.
    public func eligibility(for assessment: Assessment) throws -> Eligibility {
        if let open = try attemptInProgress(assessmentID: assessment.id) { return .resume(open) }
        let policy = assessment.policy
        var missing: [String] = []
        for prerequisite in policy.requires where try !attempts(assessmentID: prerequisite).contains(where: { $0.passed == true }) {
            missing.append(prerequisite)
        }
        if !missing.isEmpty { return .needsPrerequisites(missing) }
        let used = try attempts(assessmentID: assessment.id).count
        if let limit = policy.attemptLimit, used >= limit { return .noAttemptsLeft(used: used) }
        if let delay = policy.retakeDelayMinutes,
            let until = try nextAllowedStart(assessmentID: assessment.id, cooldown: delay * 60)
        {
            return .wait(until: until)
        }
        return .start
    }
}
