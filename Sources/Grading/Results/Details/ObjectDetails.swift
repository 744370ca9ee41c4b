/// How answer objects (boxes, polygons, keypoint objects) were paired with gold objects by
/// the matching the score used: indices into the answer list and the gold list, in the order
/// of ``ItemResult/response`` and ``ItemResult/gold``.
public struct ObjectDetails: Sendable, Hashable, Codable {
    /// The similarity the matching used.
    public enum Measure: String, Sendable, Hashable, Codable {
        /// Intersection over union (boxes, polygons).
        case iou
        /// COCO object keypoint similarity.
        case oks
    }

    /// One answer object paired with one gold object (correct, wrong label or too little overlap).
    public struct Pair: Sendable, Hashable, Codable {
        public var answer: Int
        public var gold: Int
        public var similarity: Double
        public var labelMatches: Bool
        /// Similarity ≥ threshold and the labels match: the pair counts.
        public var passes: Bool
        /// Boxes only: how far each edge of the answer is from gold's.
        public var edges: BoxEdges?
        /// Keypoints only: one entry per keypoint gold labels, in the task's order.
        public var points: [PointDetail]?

        public init(
            answer: Int, gold: Int, similarity: Double, labelMatches: Bool, passes: Bool, edges: BoxEdges? = nil,
            points: [PointDetail]? = nil
        ) {
            self.answer = answer
            self.gold = gold
            self.similarity = similarity
            self.labelMatches = labelMatches
            self.passes = passes
            self.edges = edges
            self.points = points
        }
    }

    public var measure: Measure
    /// The similarity a pair needs to count.
    public var threshold: Double
    /// Paired objects, in gold order.
    public var pairs: [Pair]
    /// Gold objects no answer object came near.
    public var missed: [Int]
    /// Answer objects that match nothing in gold.
    public var extra: [Int]

    public init(measure: Measure, threshold: Double, pairs: [Pair], missed: [Int], extra: [Int]) {
        self.measure = measure
        self.threshold = threshold
        self.pairs = pairs
        self.missed = missed
        self.extra = extra
    }
}
