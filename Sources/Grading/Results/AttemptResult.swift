/// Everything an attempt earned: per-item results, section and total scores, pass/fail with
/// its reasons, a per-concept summary and pattern hints. Encodes to the report JSON
/// documented in docs/grading.md (``jsonText()``).
public struct AttemptResult: Sendable, Hashable, Codable {
    /// Version of the report format (docs/grading.md, "Report JSON", lists what each
    /// changed). Written as `version` from 4 on; formats 1–3 wrote it as `format`.
    public var version: Int = AttemptResult.currentVersion
    public var assessment: String
    public var title: String
    public var learner: String?
    /// Weighted mean of the item scores: Σ weightᵢ·(scoreᵢ − penaltyᵢ) / Σ weightᵢ over every
    /// scored item, unanswered items scoring 0, floored at 0 (see ``Grader``).
    public var score: Double
    public var passMark: Double
    public var passed: Bool
    /// Why the attempt failed, one sentence each (empty when it passed).
    public var failedBecause: [String]
    public var counts: Counts
    public var sections: [SectionResult]
    public var concepts: [ConceptSummary]
    /// Up to three patterns across items ("You confused NEUTRAL and MIXED 4 times (…)").
    public var hints: [String]
    public var items: [ItemResult]
    /// How a taken attempt ended; nil for an answers file graded as a whole.
    public var ending: AttemptSession.Ending?
    /// Facts about the attempt worth knowing that are not reasons to fail (time ran out…).
    public var notes: [String] = []
    /// Pool mode: the skill value the attempt grants (the score in percent, rounded), as a
    /// Toloka exam pool grants one.
    public var skill: Int?
    /// How much a release let out (``released(for:stage:)``); nil for the full result as
    /// graded and stored.
    public var disclosure: Disclosure?
    /// For a taken attempt: a simulated exam or practice; nil for an answers file graded as a
    /// whole and before format 3.
    public var purpose: AttemptPurpose?
    /// For a recorded attempt: when it started (ISO 8601, UTC) and its active time in seconds
    /// (interruptions not counted); nil for a graded file and before format 3.
    public var startedAt: String?
    public var activeSeconds: Double?

    public struct Counts: Sendable, Hashable, Codable {
        public var items = 0
        public var correct = 0
        public var partial = 0
        public var incorrect = 0
        public var unanswered = 0
        /// Ordinary work rows answered but not scored (not included in the counts above).
        public var unscored = 0
    }

    /// The result as report JSON (keys sorted, pretty-printed).
    public func jsonText() -> String { JSONText.encode(self) }

    /// The report format this version writes.
    public static let currentVersion = 4
}

extension AttemptResult {
    private enum LegacyKeys: String, CodingKey { case format }

    /// Decodes every report format up to the current one into the current shape (so it
    /// encodes as the current version); a report from a newer Groundwork is refused rather
    /// than misread.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let written =
            try c.decodeIfPresent(Int.self, forKey: .version)
            ?? decoder.container(keyedBy: LegacyKeys.self).decodeIfPresent(Int.self, forKey: .format) ?? 1
        if written > Self.currentVersion {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: c,
                debugDescription: "report version \(written) is newer than this Groundwork reads (\(Self.currentVersion))")
        }
        version = Self.currentVersion
        assessment = try c.decode(String.self, forKey: .assessment)
        title = try c.decode(String.self, forKey: .title)
        learner = try c.decodeIfPresent(String.self, forKey: .learner)
        score = try c.decode(Double.self, forKey: .score)
        passMark = try c.decode(Double.self, forKey: .passMark)
        passed = try c.decode(Bool.self, forKey: .passed)
        failedBecause = try c.decode([String].self, forKey: .failedBecause)
        counts = try c.decode(Counts.self, forKey: .counts)
        sections = try c.decode([SectionResult].self, forKey: .sections)
        concepts = try c.decode([ConceptSummary].self, forKey: .concepts)
        hints = try c.decode([String].self, forKey: .hints)
        items = try c.decode([ItemResult].self, forKey: .items)
        ending = try c.decodeIfPresent(AttemptSession.Ending.self, forKey: .ending)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        skill = try c.decodeIfPresent(Int.self, forKey: .skill)
        disclosure = try c.decodeIfPresent(Disclosure.self, forKey: .disclosure)
        purpose = try c.decodeIfPresent(AttemptPurpose.self, forKey: .purpose)
        startedAt = try c.decodeIfPresent(String.self, forKey: .startedAt)
        activeSeconds = try c.decodeIfPresent(Double.self, forKey: .activeSeconds)
    }
}

/// A section's share of an attempt.
public struct SectionResult: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// Weighted mean of the section's item scores.
    public var score: Double
    public var items: Int
    public var passMark: Double?
    /// nil when the section has no pass mark of its own.
    public var passed: Bool?
}

/// How the learner did on one concept tag across the items that carry it.
public struct ConceptSummary: Sendable, Hashable, Codable {
    public var concept: String
    public var items: Int
    /// Weighted mean score of those items.
    public var score: Double
    /// Lessons of the items on this concept that lost points, to review first.
    public var review: [String]
}
