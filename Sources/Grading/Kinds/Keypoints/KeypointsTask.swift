/// What the learner sees of a keypoint item: the image, the object labels and the named
/// keypoints to place on each object.
public struct KeypointsTask: Sendable, Hashable, Codable {
    public let image: String?
    public let width: Double
    public let height: Double
    public let labels: [String]
    /// Keypoint names in skeleton order ("nose", "left_eye", …).
    public let keypoints: [String]
}
