/// One gold-labelled keypoint of a paired keypoint object: how far the learner's point is
/// from gold's, its own OKS term and both visibility flags (COCO's: 0 not in the image / not
/// labelled, 1 occluded, 2 visible).
public struct PointDetail: Sendable, Hashable, Codable {
    public var name: String
    /// Pixels between the learner's point and gold's; nil when the learner did not place it.
    public var distance: Double?
    /// This keypoint's term of the object's OKS, `exp(−d² / (2·area·(2σ)²))`; 0 when not placed.
    public var oks: Double
    /// Whether the learner placed the point (given with a visibility above 0).
    public var placed: Bool
    /// The learner's flag: 0 when not placed or marked not in the image.
    public var visibility: Int
    /// Gold's flag: 1 or 2 (gold leaves unlabelled keypoints out, so they have no entry).
    public var goldVisibility: Int

    public init(name: String, distance: Double?, oks: Double, placed: Bool, visibility: Int, goldVisibility: Int) {
        self.name = name
        self.distance = distance
        self.oks = oks
        self.placed = placed
        self.visibility = visibility
        self.goldVisibility = goldVisibility
    }
}
