/// What ``LearnerBook/begin(_:seed:holder:purpose:)`` did, decided and done in one transaction.
public enum Begin: Sendable, Equatable {
    /// An attempt was already in progress; nothing was started (resume it).
    case resume(Attempt)
    /// A new attempt was recorded, held by the caller.
    case started(Attempt)
    /// The policy allows no attempt now; nothing was written.
    case refused(Refusal)
}
