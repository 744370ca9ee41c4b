/// A labelled span of an item's text, `[start, end)` in Unicode scalars (the way Python
/// indexes `str`, and the way ``Metrics/Span`` counts).
///
/// JSON: `{"start": 0, "end": 5, "label": "ORG"}`.
public struct SpanAnnotation: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public var label: String

    public init(start: Int, end: Int, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }
}
