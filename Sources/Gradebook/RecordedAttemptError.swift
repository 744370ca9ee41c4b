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

/// A grade was sent for an item that has no written answer with the graded text in this
/// attempt (not a rubric item, unanswered, or the text differs from the one submitted).
public struct RubricGradeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let itemID: String

    public var description: String {
        "item '\(itemID)' has no written answer with this text in the attempt; only the text you submitted can be graded"
    }
}
