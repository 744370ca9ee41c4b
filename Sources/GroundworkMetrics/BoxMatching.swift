/// Axis-aligned boxes: IoU and CVAT-style matching.
public enum BoxGeometry {}

/// An axis-aligned box `[minX, maxX] × [minY, maxY]` (image coordinates, y down or up —
/// IoU does not care). Zero width or height is allowed (a zero-area box).
public struct Box: Sendable, Hashable {
    public let minX: Double
    public let minY: Double
    public let maxX: Double
    public let maxY: Double

    /// - Throws: ``MetricsError`` if a coordinate is NaN or infinite, or `max < min`.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) throws(MetricsError) {
        try requireFinite([minX, minY, maxX, maxY], "box coordinates")
        if maxX < minX { throw MetricsError(.outOfRange, "box has negative width: maxX \(maxX) < minX \(minX)") }
        if maxY < minY { throw MetricsError(.outOfRange, "box has negative height: maxY \(maxY) < minY \(minY)") }
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }

    /// A box from COCO's `[x, y, width, height]`.
    ///
    /// - Throws: ``MetricsError`` on non-finite values or a negative width or height.
    public init(x: Double, y: Double, width: Double, height: Double) throws(MetricsError) {
        try requireFinite([x, y, width, height], "box x/y/width/height")
        if width < 0 || height < 0 {
            throw MetricsError(.outOfRange, "box has negative size \(width) × \(height)")
        }
        try self.init(minX: x, minY: y, maxX: x + width, maxY: y + height)
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
    public var area: Double { width * height }
}

/// A box with a class label, for matching.
public struct LabeledBox<Label: Hashable & Sendable>: Sendable, Hashable {
    public var box: Box
    public var label: Label

    /// Creates the value from its parts (no validation beyond the types).
    public init(_ box: Box, label: Label) {
        self.box = box
        self.label = label
    }
}

extension BoxGeometry {
    /// Intersection over union of two boxes as pycocotools `maskUtils.iou` computes it for
    /// boxes with `iscrowd=0`: `I = max(0, min(maxX) − max(minX)) · max(0, min(maxY) − max(minY))`,
    /// `U = area(a) + area(b) − I`, IoU = `I / U`, and 0 when `U = 0` (two zero-area boxes).
    public static func iou(_ a: Box, _ b: Box) -> Double {
        let w = min(a.maxX, b.maxX) - max(a.minX, b.minX)
        let h = min(a.maxY, b.maxY) - max(a.minY, b.minY)
        if w <= 0 || h <= 0 { return 0 }
        let inter = w * h
        let union = a.area + b.area - inter
        return union > 0 ? inter / union : 0
    }

    /// CVAT-style matching of labelled boxes by IoU; the rules are those of
    /// ``ObjectMatching/match(similarity:goldLabels:predictedLabels:threshold:)``.
    ///
    /// - Throws: ``MetricsError`` if the threshold is outside (0, 1].
    @_specialize(where Label == String)
    @_specialize(where Label == Int)
    public static func match<Label: Hashable & Sendable>(
        gold: [LabeledBox<Label>], predicted: [LabeledBox<Label>], threshold: Double = 0.5
    ) throws(MetricsError) -> MatchResult {
        try ObjectMatching.match(gold: gold.count, predicted: predicted.count, threshold: threshold) { i, j in
            (iou(gold[i].box, predicted[j].box), gold[i].label == predicted[j].label)
        }
    }
}
