/// How answer spans were paired with gold entities by overlap: indices into the answer and
/// gold span lists, boundary differences in Unicode scalars (answer minus gold).
public struct SpanDetails: Sendable, Hashable, Codable {
    /// An answer span overlapping a gold entity.
    public struct Pair: Sendable, Hashable, Codable {
        public var answer: Int
        public var gold: Int
        /// Answer start minus gold start: negative when the answer starts early.
        public var startDelta: Int
        /// Answer end minus gold end: positive when the answer runs on.
        public var endDelta: Int
        public var labelMatches: Bool

        public init(answer: Int, gold: Int, startDelta: Int, endDelta: Int, labelMatches: Bool) {
            self.answer = answer
            self.gold = gold
            self.startDelta = startDelta
            self.endDelta = endDelta
            self.labelMatches = labelMatches
        }
    }

    /// Paired spans, in gold order.
    public var pairs: [Pair]
    /// Gold entities no answer span overlaps.
    public var missed: [Int]
    /// Answer spans overlapping no gold entity.
    public var extra: [Int]

    public init(pairs: [Pair], missed: [Int], extra: [Int]) {
        self.pairs = pairs
        self.missed = missed
        self.extra = extra
    }
}
