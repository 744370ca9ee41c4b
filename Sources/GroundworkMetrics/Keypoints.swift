/// Object keypoint similarity (OKS) as COCO defines it.
public enum Keypoints {}

/// One keypoint: position and COCO visibility flag (0 = not labelled, 1 = labelled but
/// occluded, 2 = labelled and visible). Predictions' flags are ignored, as in COCO.
public struct Keypoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var visibility: Int

    /// Creates the value from its parts (no validation beyond the types).
    public init(x: Double, y: Double, visibility: Int) {
        self.x = x
        self.y = y
        self.visibility = visibility
    }
}

/// A gold keypoint object: its keypoints, the object's area (segment area in COCO) and its
/// bounding box (used only when no keypoint is labelled).
public struct KeypointObject<Label: Hashable & Sendable>: Sendable, Hashable {
    public var keypoints: [Keypoint]
    public var area: Double
    public var box: Box
    public var label: Label

    /// Creates the value from its parts (no validation beyond the types).
    public init(keypoints: [Keypoint], area: Double, box: Box, label: Label) {
        self.keypoints = keypoints
        self.area = area
        self.box = box
        self.label = label
    }
}

extension Keypoints {
    /// COCO's per-keypoint sigmas for the 17 person keypoints (`kpt_oks_sigmas` in
    /// pycocotools: `[.26, .25, .25, .35, .35, .79, .79, .72, .72, .62, .62, 1.07, 1.07,
    /// .87, .87, .89, .89] / 10`).
    public static let cocoPersonSigmas: [Double] = [
        0.26, 0.25, 0.25, 0.35, 0.35, 0.79, 0.79, 0.72, 0.72, 0.62, 0.62, 1.07, 1.07, 0.87, 0.87, 0.89, 0.89,
    ].map { $0 / 10.0 }

    /// OKS exactly as pycocotools 2.0 `COCOeval.computeOks` computes it for one gold object
    /// and one prediction:
    ///
    /// `vars = (2σ)²`, `e_i = (dx_i² + dy_i²) / vars_i / (area + ε) / 2` with
    /// `ε = np.spacing(1) = 2⁻⁵²`, and OKS = mean of `exp(−e_i)` over the keypoints whose gold
    /// visibility is > 0, where `dx, dy` are prediction − gold.
    /// When no gold keypoint is labelled (all v = 0) pycocotools measures each predicted
    /// keypoint's distance to the box `[x − w, x + 2w] × [y − h, y + 2h]` (the gold box grown
    /// by its size on each side; 0 inside) and averages over *all* keypoints.
    ///
    /// - Throws: ``MetricsError`` if the keypoint counts differ from `sigmas.count`, a
    ///   sigma is not positive, the area is negative, or a value is non-finite.
    public static func oks<Label>(gold: KeypointObject<Label>, predicted: [Keypoint], sigmas: [Double]) throws(MetricsError) -> Double {
        let k = sigmas.count
        if k == 0 { throw MetricsError(.empty, "at least one keypoint sigma is required") }
        try requireSameLength(gold.keypoints.count, k, "gold keypoints and sigmas")
        try requireSameLength(predicted.count, k, "predicted keypoints and sigmas")
        try requireFinite(sigmas, "sigmas")
        for (i, s) in sigmas.enumerated() where s <= 0 { throw MetricsError(.outOfRange, "sigmas[\(i)] is \(s); sigmas must be positive") }
        if !gold.area.isFinite { throw MetricsError(.nonFinite, "gold area[0] is \(gold.area); values must be finite") }
        if gold.area < 0 { throw MetricsError(.outOfRange, "gold area is \(gold.area); it must not be negative") }
        try requireFiniteCoordinates(gold.keypoints, "gold keypoint coordinates")
        try requireFiniteCoordinates(predicted, "predicted keypoint coordinates")
        return checkedOKS(gold.keypoints, area: gold.area, box: gold.box, predicted: predicted, sigmas: sigmas)
    }

    /// Throws unless every x and y is finite, naming the value as `what[2·k]` (x of keypoint
    /// `k`) or `what[2·k + 1]` (its y), without building that flat list: matching checks the
    /// objects of every image.
    private static func requireFiniteCoordinates(_ keypoints: [Keypoint], _ what: String) throws(MetricsError) {
        for (k, p) in keypoints.enumerated() where !(p.x.isFinite && p.y.isFinite) {
            let (i, v) = p.x.isFinite ? (2 * k + 1, p.y) : (2 * k, p.x)
            throw MetricsError(.nonFinite, "\(what)[\(i)] is \(v); values must be finite")
        }
    }

    /// ``oks(gold:predicted:sigmas:)`` of inputs it has already accepted (not generic, so that
    /// it runs specialised whoever calls it).
    private static func checkedOKS(_ gold: [Keypoint], area: Double, box: Box, predicted: [Keypoint], sigmas: [Double]) -> Double {
        let k = sigmas.count
        let anyVisible = gold.contains { $0.visibility > 0 }
        let w = box.width, h = box.height
        let x0 = box.minX - w, x1 = box.minX + w * 2
        let y0 = box.minY - h, y1 = box.minY + h * 2
        let eps = Double.ulpOfOne
        var sum = 0.0
        var count = 0
        for i in 0..<k {
            if anyVisible && gold[i].visibility <= 0 { continue }
            let dx: Double, dy: Double
            let p = predicted[i]
            if anyVisible {
                dx = p.x - gold[i].x
                dy = p.y - gold[i].y
            } else {
                dx = max(0, x0 - p.x) + max(0, p.x - x1)
                dy = max(0, y0 - p.y) + max(0, p.y - y1)
            }
            let vars = (sigmas[i] * 2) * (sigmas[i] * 2)
            let e = (dx * dx + dy * dy) / vars / (area + eps) / 2
            sum += mExp(-e)
            count += 1
        }
        return sum / Double(count)
    }

    /// CVAT-style matching of keypoint objects by OKS with the rules of
    /// ``ObjectMatching/match(similarity:goldLabels:predictedLabels:threshold:)``.
    /// Each prediction is compared as a set of keypoints with ``oks(gold:predicted:sigmas:)``.
    ///
    /// - Throws: ``MetricsError`` as ``oks(gold:predicted:sigmas:)`` does, or if the
    ///   threshold is outside (0, 1].
    @_specialize(where Label == String)
    @_specialize(where Label == Int)
    public static func match<Label: Hashable & Sendable>(
        gold: [KeypointObject<Label>], predicted: [(keypoints: [Keypoint], label: Label)],
        sigmas: [Double], threshold: Double = 0.5
    ) throws(MetricsError) -> MatchResult {
        // Each object is validated by the first pair it takes part in, in the order (and with
        // the errors) of checking every pair: row 0 checks every prediction, each later row's
        // first pair its gold object; the other pairs need no check.
        try ObjectMatching.match(gold: gold.count, predicted: predicted.count, threshold: threshold) { i, j throws(MetricsError) in
            let g = gold[i], p = predicted[j]
            let s =
                i == 0 || j == 0
                ? try oks(gold: g, predicted: p.keypoints, sigmas: sigmas)
                : checkedOKS(g.keypoints, area: g.area, box: g.box, predicted: p.keypoints, sigmas: sigmas)
            return (s, g.label == p.label)
        }
    }
}
