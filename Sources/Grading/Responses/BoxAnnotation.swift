/// A labelled axis-aligned box in image pixels, top-left corner plus size (COCO's
/// `[x, y, width, height]`, y pointing down).
///
/// JSON: `{"label": "car", "x": 10, "y": 20, "width": 100, "height": 50}`.
public struct BoxAnnotation: Sendable, Hashable, Codable {
    public var label: String
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(label: String, x: Double, y: Double, width: Double, height: Double) {
        self.label = label
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
