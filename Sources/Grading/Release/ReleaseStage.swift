/// When a result is shown, which decides what its policy lets out (see
/// ``AttemptResult/released(for:stage:)``).
public enum ReleaseStage: String, Sendable, Hashable, Codable {
    /// The attempt is still running: only what the policy shows right after an answer.
    case answering
    /// The attempt is over, or an answers file was graded as a whole.
    case finished
}
