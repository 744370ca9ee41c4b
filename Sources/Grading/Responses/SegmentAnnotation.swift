/// A labelled time interval `[start, end)` in seconds of the item's audio or video.
///
/// JSON: `{"label": "dog bark", "start": 1.2, "end": 2.0}`.
public struct SegmentAnnotation: Sendable, Hashable, Codable {
    public var label: String
    public var start: Double
    public var end: Double

    public init(label: String, start: Double, end: Double) {
        self.label = label
        self.start = start
        self.end = end
    }
}
