/// The result of one item in an attempt: score, verdict, metrics, feedback, the learner's
/// answer beside the gold, what the matching measured, and where to learn the rule.
///
/// This is the full result as graded and stored; what a learner may see of it is decided by
/// ``released(for:stage:)``.
public struct ItemResult: Sendable, Hashable, Codable {
    public var id: String
    /// The item's place in the attempt as the learner saw it ("Item 8 of 16"), from 1; nil in
    /// results stored before format 3 (their items are in the order shown).
    public var number: Int?
    /// The question as shown; nil for an item the attempt never reached and before format 3.
    public var question: ItemQuestion?
    /// Active seconds the learner spent on the item, every try included; nil when it was not
    /// timed (an answers file graded as a whole, results stored before format 3).
    public var secondsSpent: Double?
    public var kind: ItemKind
    public var section: String?
    public var weight: Double
    /// Credit in [0, 1].
    public var score: Double
    public var verdict: Verdict
    /// What the scorer measured, by stable id; empty when nothing was scored (unanswered).
    public var metrics: Measures<MetricID>
    /// The key's settings the score depended on.
    public var settings: Measures<SettingID>
    /// The counts behind the metrics.
    public var counts: Measures<CountID>
    /// Metrics that depart from their reference library's convention, with both values.
    public var departures: [Departure]
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
    /// The learner's answer in its kind's answers-JSON shape; nil when unanswered.
    public var response: JSONValue?
    /// The gold in the same shape: the accepted answer the learner was compared with (the
    /// first when the kind does not pick one); nil when gold has no answer-shaped form (a
    /// short-text pattern without an `example`).
    public var gold: JSONValue?
    /// How many answers earn full credit, when more than one does (single choice with two
    /// right options, several accepted transcripts, …); nil when ``gold`` is the only one.
    public var goldVariants: Int?
    /// What the matching paired, missed and added (boxes, polygons, keypoints, spans,
    /// segments, transcription); nil for other kinds.
    public var details: ItemDetails?

    /// The result of `item`; with `detail` ``GradingDetail/scores`` only what a summary reads
    /// (the question, metrics, feedback, answer, gold and details stay empty).
    init(item: Item, number: Int, score: ItemScore, critical: Bool, response: ItemResponse?, detail: GradingDetail = .full) {
        id = item.id
        self.number = number
        kind = item.kind
        section = item.section
        weight = item.weight
        self.score = score.score
        verdict = score.verdict
        reason = item.reason
        lesson = item.lesson
        concepts = item.concepts
        self.critical = critical
        scored = item.isGold
        guard detail == .full else {
            (metrics, settings, counts, departures, feedback) = ([], [], [], [], [])
            return
        }
        question = ItemQuestion(prompt: item.prompt, task: item.content.task)
        metrics = Measures(score.metrics)
        settings = Measures(score.settings)
        counts = Measures(score.counts)
        departures = score.departures
        feedback = score.feedback
        self.response = response?.json
        let golds = item.content.goldResponses
        let chosen = score.goldVariant ?? 0
        gold = golds.indices.contains(chosen) ? golds[chosen].json : nil
        goldVariants = golds.count > 1 ? golds.count : nil
        details = score.details
    }

    /// Keeps only what says how the item went (verdict, score, weight, flags) and clears
    /// everything that could reveal or point at the gold: the answer, gold, details, metrics,
    /// reason and lesson; `note` replaces the feedback (nil leaves none). For items a learner
    /// never reached, and for aggregate-only reports.
    mutating func withhold(note: String?) {
        feedback = note.map { [$0] } ?? []
        response = nil
        gold = nil
        goldVariants = nil
        details = nil
        metrics = []
        settings = []
        counts = []
        departures = []
        reason = ""
        lesson = nil
    }
}

extension ItemResult {
    /// Decodes every report format: from version 4 `metrics`, `settings` and `counts` are
    /// objects keyed by id; formats 1–3 wrote one `metrics` list of `{name, value}` with
    /// free-text names ("mean iou", "allowed wer"), which is split into the three tables here.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        number = try c.decodeIfPresent(Int.self, forKey: .number)
        question = try c.decodeIfPresent(ItemQuestion.self, forKey: .question)
        secondsSpent = try c.decodeIfPresent(Double.self, forKey: .secondsSpent)
        kind = try c.decode(ItemKind.self, forKey: .kind)
        section = try c.decodeIfPresent(String.self, forKey: .section)
        weight = try c.decode(Double.self, forKey: .weight)
        score = try c.decode(Double.self, forKey: .score)
        verdict = try c.decode(Verdict.self, forKey: .verdict)
        if let legacy = try? c.decode([LegacyMetric].self, forKey: .metrics) {
            metrics = Measures(legacy: legacy)
            settings = Measures(legacy: legacy)
            counts = Measures(legacy: legacy)
        } else {
            metrics = try c.decodeIfPresent(Measures<MetricID>.self, forKey: .metrics) ?? []
            settings = try c.decodeIfPresent(Measures<SettingID>.self, forKey: .settings) ?? []
            counts = try c.decodeIfPresent(Measures<CountID>.self, forKey: .counts) ?? []
        }
        departures = try c.decodeIfPresent([Departure].self, forKey: .departures) ?? []
        feedback = try c.decode([String].self, forKey: .feedback)
        reason = try c.decode(String.self, forKey: .reason)
        lesson = try c.decodeIfPresent(String.self, forKey: .lesson)
        concepts = try c.decode([String].self, forKey: .concepts)
        critical = try c.decode(Bool.self, forKey: .critical)
        scored = try c.decode(Bool.self, forKey: .scored)
        penalty = try c.decodeIfPresent(Double.self, forKey: .penalty) ?? 0
        response = try c.decodeIfPresent(JSONValue.self, forKey: .response)
        gold = try c.decodeIfPresent(JSONValue.self, forKey: .gold)
        goldVariants = try c.decodeIfPresent(Int.self, forKey: .goldVariants)
        details = try c.decodeIfPresent(ItemDetails.self, forKey: .details)
    }
}
