/// How far each edge of an answer box lies from the same edge of its gold box, in image
/// pixels: the answer's coordinate minus gold's (x for left and right, y for top and
/// bottom), so a positive value means the answer's edge is further right or further down.
///
/// A box 10 px too far left has `left: -10, right: -10`; a box 10 px too wide on the left
/// has `left: -10, right: 0`.
public struct BoxEdges: Sendable, Hashable, Codable {
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double

    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    /// The edges of `answer` against `gold`.
    init(answer p: BoxAnnotation, gold g: BoxAnnotation) {
        self.init(left: p.x - g.x, top: p.y - g.y, right: (p.x + p.width) - (g.x + g.width), bottom: (p.y + p.height) - (g.y + g.height))
    }
}
