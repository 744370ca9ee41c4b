/// Why a recorded attempt cannot be rebuilt.
public enum RecordedAttemptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The assessment was edited so that a recorded item or answer no longer fits; the
    /// attempt's answers are kept.
    case assessmentChanged(attempt: Int64, reason: String)

    public var description: String {
        switch self {
        case .assessmentChanged(let attempt, let reason):
            return "attempt #\(attempt) cannot be resumed because the assessment changed since it started (\(reason)); its answers are kept"
        }
    }
}
