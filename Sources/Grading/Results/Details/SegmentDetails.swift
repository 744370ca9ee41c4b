/// How answer segments were paired with gold events by 1-D IoU: indices into the answer and
/// gold segment lists, onset and offset differences in milliseconds (answer minus gold,
/// rounded to whole milliseconds, so a late start is positive).
public struct SegmentDetails: Sendable, Hashable, Codable {
    /// An answer segment paired with a gold event.
    public struct Pair: Sendable, Hashable, Codable {
        public var answer: Int
        public var gold: Int
        /// 1-D IoU.
        public var similarity: Double
        public var onsetDeltaMs: Int
        public var offsetDeltaMs: Int
        public var labelMatches: Bool
        /// IoU ≥ threshold and the labels match: the pair counts.
        public var passes: Bool

        public init(
            answer: Int, gold: Int, similarity: Double, onsetDeltaMs: Int, offsetDeltaMs: Int, labelMatches: Bool, passes: Bool
        ) {
            self.answer = answer
            self.gold = gold
            self.similarity = similarity
            self.onsetDeltaMs = onsetDeltaMs
            self.offsetDeltaMs = offsetDeltaMs
            self.labelMatches = labelMatches
            self.passes = passes
        }
    }

    /// The IoU a pair needs to count.
    public var threshold: Double
    /// Paired segments, in gold order.
    public var pairs: [Pair]
    public var missed: [Int]
    public var extra: [Int]

    public init(threshold: Double, pairs: [Pair], missed: [Int], extra: [Int]) {
        self.threshold = threshold
        self.pairs = pairs
        self.missed = missed
        self.extra = extra
    }
}
