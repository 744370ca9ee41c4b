/// The result of one item in an attempt: score, verdict, metrics, feedback and where to
/// learn the rule.
public struct ItemResult: Sendable, Hashable, Codable {
    public var id: String
    public var kind: ItemKind
    public var section: String?
    public var weight: Double
    /// Credit in [0, 1].
    public var score: Double
    public var verdict: Verdict
    public var metrics: [Metric]
    /// One line per point lost, in the learner's terms.
    public var feedback: [String]
    /// Markdown explaining the gold answer.
    public var reason: String
    /// Link to the lesson section that teaches the rule.
    public var lesson: String?
    public var concepts: [String]
    /// Whether the policy makes this item critical (it must get full credit to pass).
    public var critical: Bool
    /// False for an ordinary work row: explained, never scored.
    public var scored: Bool
    /// What negative marking took off (a fraction of the weight), 0 when none.
    public var penalty: Double = 0

    init(item: Item, score: ItemScore, critical: Bool) {
        id = item.id
        kind = item.kind
        section = item.section
        weight = item.weight
        self.score = score.score
        verdict = score.verdict
        metrics = score.metrics
        feedback = score.feedback
        reason = item.reason
        lesson = item.lesson
        concepts = item.concepts
        self.critical = critical
        scored = item.isGold
    }

    /// Replaces everything that could reveal the gold (feedback, metrics, reason, lesson)
    /// with one line saying why: for items a learner never saw.
    mutating func withholdExplanation(_ note: String) {
        feedback = [note]
        metrics = []
        reason = ""
        lesson = nil
    }
}
