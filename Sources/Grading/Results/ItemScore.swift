/// What a scorer says about one answer: a score in [0, 1], a verdict, every metric it
/// computed, feedback lines in the learner's terms and observations for pattern hints.
public struct ItemScore: Sendable, Equatable {
    /// The item's credit in [0, 1] (NaN never escapes: a scorer that cannot score gives 0).
    public var score: Double
    public var verdict: Verdict
    /// Every metric behind the score, in a stable order (e.g. `f1`, `precision`, `mean_iou`);
    /// a kind emits the same ids for every answer it can score, NaN when undefined.
    public var metrics: [Metric]
    /// The key's settings the score depended on (`threshold`, `allowed_wer`, …).
    public var settings: [Setting] = []
    /// The counts behind the metrics (`true_positives`, …, transcription's `hits`, …).
    public var counts: [Tally] = []
    /// Metrics whose value departs from the reference library's convention, with both values.
    public var departures: [Departure] = []
    /// One line per point lost, in words a beginner understands; empty when nothing was lost.
    public var feedback: [String]
    /// Machine-readable mistakes that ``PatternHints`` counts across items.
    public var observations: [Observation]
    /// What the matching behind the score paired, missed and added, for overlays; nil for
    /// kinds where nothing is matched (see ``ItemDetails``).
    public var details: ItemDetails?
    /// Which of ``ItemContent/goldResponses`` the answer was compared with, when the scorer
    /// picks one (transcription: the accepted transcript with the lowest WER); nil means the first.
    var goldVariant: Int?

    /// Clamps `score` to [0, 1] (NaN becomes 0) and derives the verdict from it.
    public init(
        score: Double, metrics: [Metric] = [], feedback: [String] = [], observations: [Observation] = [], details: ItemDetails? = nil
    ) {
        let clamped = score.isNaN ? 0 : min(1, max(0, score))
        self.score = clamped
        self.verdict = Verdict(score: clamped)
        self.metrics = metrics
        self.feedback = feedback
        self.observations = observations
        self.details = details
    }

    /// No answer was given: score 0, verdict ``Verdict/unanswered``.
    public static let unanswered: ItemScore = {
        var score = ItemScore(score: 0, feedback: ["You did not answer this item."])
        score.verdict = .unanswered
        return score
    }()

    /// The answer could not be compared with gold (a degenerate shape, an unreadable text): score 0.
    static let unscorable = ItemScore(score: 0, feedback: ["This answer could not be scored."])
}

/// How an item went, from its score.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// Full credit (score ≥ 1 − 10⁻⁹, so rounding noise does not cost the verdict).
    case correct
    /// Some but not full credit.
    case partial
    /// No credit for an answer that was given.
    case incorrect
    /// No answer.
    case unanswered

    /// The verdict of an answered item with this score.
    public init(score: Double) {
        if score >= 1 - 1e-9 {
            self = .correct
        } else if score <= 0 {
            self = .incorrect
        } else {
            self = .partial
        }
    }
}

/// A mistake a scorer noticed, in a form that can be counted across items: the raw material
/// of the "you confused NEUTRAL and MIXED 4 times" hints.
public enum Observation: Sendable, Hashable {
    /// The learner gave label/option `answer` where gold says `gold`.
    case confused(gold: String, answer: String)
    /// The learner picked an option (or wrote an answer) that the key marks as a trap.
    case trap
    /// A gold object, entity or event of this noun ("box", "entity", "event") was missed.
    case missed(noun: String)
    /// An answer object matched nothing in gold.
    case extra(noun: String)
    /// A box, span or segment was larger (`loose`) or smaller than gold.
    case boundary(noun: String, loose: Bool)
    /// Transcription: the learner wrote `wrote` where the audio says `said`.
    case misheard(said: String, wrote: String)
    /// Rating or dimension score above (`higher`) or below gold.
    case ratingBias(higher: Bool)
    /// Ranking: a pair of candidates in the wrong order.
    case swappedPair
    /// Keypoints: a point's visibility flag differs from gold's (visible, occluded, not in the image).
    case wrongVisibility
    /// Pairwise comparison: the wrong response preferred.
    case wrongPreference
    /// A written justification too short or missing the key point.
    case weakReason
}
