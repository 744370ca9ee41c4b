/// A labelled simple polygon in image pixels: its vertices in order (either direction; the
/// ring closes by itself).
///
/// JSON: `{"label": "roof", "points": [[0, 0], [40, 0], [20, 30]]}`.
public struct PolygonAnnotation: Sendable, Hashable {
    public var label: String
    public var points: [Vertex]

    public struct Vertex: Sendable, Hashable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public init(label: String, points: [Vertex]) {
        self.label = label
        self.points = points
    }
}
