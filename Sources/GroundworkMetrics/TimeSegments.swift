/// Half-open time intervals `[start, end)`: 1-D IoU and matching.
public enum TimeSegments {}

/// A labelled interval `[start, end)` in seconds (or any unit). Zero length is allowed.
public struct TimeSegment<Label: Hashable & Sendable>: Sendable, Hashable {
    public let start: Double
    public let end: Double
    public let label: Label

    /// - Throws: ``MetricsError`` if a bound is NaN or infinite, or `end < start`.
    public init(start: Double, end: Double, label: Label) throws(MetricsError) {
        try requireFinite([start, end], "segment bounds")
        if end < start { throw MetricsError(.outOfRange, "segment ends (\(end)) before it starts (\(start))") }
        self.start = start
        self.end = end
        self.label = label
    }

    public var duration: Double { end - start }
}

extension TimeSegments {
    /// 1-D IoU of `[a.start, a.end)` and `[b.start, b.end)`:
    /// `I = max(0, min(ends) − max(starts))`, `U = |a| + |b| − I`, IoU = `I / U`, 0 when
    /// `U = 0`. Touching intervals such as [0, 1) and [1, 2) have IoU 0.
    public static func iou<Label>(_ a: TimeSegment<Label>, _ b: TimeSegment<Label>) -> Double {
        let inter = max(0, min(a.end, b.end) - max(a.start, b.start))
        let union = a.duration + b.duration - inter
        return union > 0 ? inter / union : 0
    }

    /// Matching of labelled segments by 1-D IoU with the rules of
    /// ``ObjectMatching/match(similarity:goldLabels:predictedLabels:threshold:)``.
    ///
    /// - Throws: ``MetricsError`` if the threshold is outside (0, 1].
    @_specialize(where Label == String)
    public static func match<Label: Hashable & Sendable>(
        gold: [TimeSegment<Label>], predicted: [TimeSegment<Label>], threshold: Double = 0.5
    ) throws(MetricsError) -> MatchResult {
        try ObjectMatching.match(gold: gold.count, predicted: predicted.count, threshold: threshold) { i, j in
            (iou(gold[i], predicted[j]), gold[i].label == predicted[j].label)
        }
    }
}
