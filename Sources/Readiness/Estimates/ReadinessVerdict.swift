/// Where a skill, or a platform, stands against its target.
///
/// With the 95% Wilson interval [lower, upper] of the skill's recent items and its target t:
/// fewer than ``ReadinessRules/minimumItems`` items is `notEnoughEvidence`; lower ≥ t is
/// `ready` (even the pessimistic end reaches the target); upper < t is `notYet` (even the
/// optimistic end falls short); anything else is `borderline`.
public enum ReadinessVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    case ready
    case borderline
    case notYet = "not-yet"
    case notEnoughEvidence = "not-enough-evidence"

    /// In words, for both front ends.
    public var words: String {
        switch self {
        case .ready: return "ready"
        case .borderline: return "borderline"
        case .notYet: return "not yet"
        case .notEnoughEvidence: return "not enough evidence"
        }
    }
}

/// The documented constants behind every estimate (docs/readiness.md).
public struct ReadinessRules: Sendable, Hashable {
    /// How many of a skill's most recent items the estimate uses, so old mistakes stop
    /// counting once a learner has improved.
    public var recentItems = 40
    /// Below this many items no verdict is given: the interval would be wider than 40
    /// points even at a perfect score.
    public var minimumItems = 10
    /// The normal quantile of the interval (95% two-sided).
    public var z = WilsonInterval.z95

    public init() {}
}
