public import Foundation

/// Why the policy allows no new attempt now.
public enum Refusal: Sendable, Equatable {
    /// The retake delay after the last attempt runs until this moment.
    case wait(until: Date)
    /// Every allowed attempt was used.
    case noAttemptsLeft(used: Int)
    /// These assessments must be passed first.
    case needsPrerequisites([String])
}
