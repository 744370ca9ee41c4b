/// One object's keypoints as the learner placed them: keypoint name → position in image
/// pixels and COCO visibility flag. A name left out was not placed.
///
/// JSON: `{"label": "person", "points": {"nose": [120, 40], "left_wrist": [90, 220, 1]}}`;
/// the third value is the visibility: 2 visible (the default), 1 occluded, 0 not in the image
/// (then the position is ignored, as COCO ignores an unlabelled point's).
public struct KeypointAnnotation: Sendable, Hashable {
    public var label: String
    public var points: [String: Point]

    /// A placed keypoint and its visibility flag.
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        /// 2 visible, 1 occluded, 0 not in the image / not labelled.
        public var visibility: Int

        public init(x: Double, y: Double, visibility: Int = 2) {
            self.x = x
            self.y = y
            self.visibility = visibility
        }

        /// Whether the learner says the point is in the image (visible or occluded).
        var isPlaced: Bool { visibility > 0 }
    }

    public init(label: String, points: [String: Point]) {
        self.label = label
        self.points = points
    }
}
