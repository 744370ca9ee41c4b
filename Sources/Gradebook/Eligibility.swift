/// Whether a learner may take an assessment now, under its policy and their record.
public enum Eligibility: Sendable, Equatable {
    /// An attempt is in progress: continue it.
    case resume(Attempt)
    /// A new attempt may start.
    case start
    /// The policy does not allow an attempt now.
    case refused(Refusal)

    /// Whether `take` can go ahead now (start or resume).
    public var allowsTaking: Bool {
        switch self {
        case .resume, .start: return true
        case .refused: return false
        }
    }
}
