/// One object's keypoints as the learner placed them: keypoint name → position in image
/// pixels. A name left out was not placed.
///
/// JSON: `{"label": "person", "points": {"nose": [120, 40], "left_eye": [114, 34]}}`.
public struct KeypointAnnotation: Sendable, Hashable {
    public var label: String
    public var points: [String: PolygonAnnotation.Vertex]

    public init(label: String, points: [String: PolygonAnnotation.Vertex]) {
        self.label = label
        self.points = points
    }
}
