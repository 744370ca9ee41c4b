/// COCO-style detection scores over a whole set of images: average precision (AP) and
/// average recall (AR) exactly as pycocotools 2.0.11 `COCOeval` computes them with its
/// default parameters, for boxes (`"bbox"`), keypoints (`"keypoints"`) and segmentations
/// (`"segm"`: polygons and crowd regions rasterised to ``RunLengthMask``s as pycocotools
/// rasterises them, since exact polygon IoU would not reproduce its figures).
public enum COCOEvaluation {}

/// A gold box of a COCO evaluation.
public struct COCOGold<Label: Hashable & Sendable>: Sendable, Hashable {
    public var image: Int
    public var label: Label
    public var box: Box
    /// The area that places the object in an area range (COCO's `area` field, usually the
    /// segmentation's area); the box's area when not given.
    public var area: Double
    /// A crowd region (`iscrowd: 1`): never a miss, and a detection inside it is ignored
    /// rather than counted as a false positive (see ``COCOEvaluation/evaluate(images:categories:gold:detections:)``).
    public var isCrowd: Bool

    public init(image: Int, label: Label, box: Box, area: Double? = nil, isCrowd: Bool = false) {
        self.image = image
        self.label = label
        self.box = box
        self.area = area ?? box.area
        self.isCrowd = isCrowd
    }
}

/// A scored detection (an answer box) of a COCO evaluation.
public struct COCODetection<Label: Hashable & Sendable>: Sendable, Hashable {
    public var image: Int
    public var label: Label
    public var box: Box
    public var score: Double

    public init(image: Int, label: Label, box: Box, score: Double) {
        self.image = image
        self.label = label
        self.box = box
        self.score = score
    }
}

/// A scored keypoint detection of a COCO keypoint evaluation: its keypoints in the task's
/// order (their visibility flags unused, as pycocotools ignores them).
public struct COCOKeypointDetection<Label: Hashable & Sendable>: Sendable, Hashable {
    public var image: Int
    public var label: Label
    public var keypoints: [Keypoint]
    public var score: Double

    public init(image: Int, label: Label, keypoints: [Keypoint], score: Double) {
        self.image = image
        self.label = label
        self.keypoints = keypoints
        self.score = score
    }
}

/// A gold keypoint object of a COCO keypoint evaluation: its keypoints, area and box as
/// ``Keypoints/oks(gold:predicted:sigmas:)`` reads them, on an image.
public struct COCOKeypointGold<Label: Hashable & Sendable>: Sendable, Hashable {
    public var image: Int
    public var object: KeypointObject<Label>
    public var isCrowd: Bool

    public init(image: Int, object: KeypointObject<Label>, isCrowd: Bool = false) {
        self.image = image
        self.object = object
        self.isCrowd = isCrowd
    }
}

/// The COCO area ranges, in square pixels, both ends included (pycocotools' `areaRng`).
public enum COCOAreaRange: Int, Sendable, CaseIterable {
    case all, small, medium, large

    var bounds: (Double, Double) {
        switch self {
        case .all: (0, 1e10)
        case .small: (0, 32 * 32)
        case .medium: (32 * 32, 96 * 96)
        case .large: (96 * 96, 1e10)
        }
    }
}

/// Precision and recall tables of a COCO evaluation, and the twelve summary figures.
///
/// An entry no object can define (a category with no gold object in an area range) is NaN
/// where pycocotools writes −1; the summaries average the defined entries only, as
/// pycocotools does, and are NaN where it prints −1.
public struct COCOResult<Label: Hashable & Sendable>: Sendable {
    /// IoU (or OKS) thresholds 0.50, 0.55, …, 0.95, as `numpy.linspace(.5, .95, 10)` computes them.
    public static var iouThresholds: [Double] { COCOEvaluation.iouThresholds }

    public let categories: [Label]
    /// The area ranges of the tables: all four for boxes and segmentations; all, medium and
    /// large for keypoints.
    public let areas: [COCOAreaRange]
    /// The maximum detections per image the tables are kept for: 1, 10, 100 for boxes and
    /// segmentations; 20 for keypoints.
    public let maxDetections: [Int]
    /// `precision[t][r][k][a][m]`: interpolated precision at IoU threshold `t`, recall
    /// threshold `r` (0, 0.01, …, 1), category `k`, area range `areas[a]`, detection limit
    /// `maxDetections[m]`.
    public let precision: [[[[[Double]]]]]
    /// `recall[t][k][a][m]`: the recall reached.
    public let recall: [[[[Double]]]]

    /// AP averaged over IoU thresholds (or at one of them), recall thresholds and categories
    /// (or for one), pycocotools' `_summarize(ap=1, …)`; `maxDetections` nil is the largest
    /// limit. NaN for an area range or limit the tables do not have.
    public func averagePrecision(
        iou: Double? = nil, category: Label? = nil, area: COCOAreaRange = .all, maxDetections: Int? = nil
    ) -> Double {
        guard let a = areas.firstIndex(of: area), let m = limitIndex(maxDetections) else { return .nan }
        var values: [Double] = []
        for t in thresholdIndices(iou) {
            for row in precision[t] {
                for k in categoryIndices(category) { values.append(row[k][a][m]) }
            }
        }
        return definedMean(values)
    }

    /// AR averaged over IoU thresholds and categories (or for one), `_summarize(ap=0, …)`.
    public func averageRecall(
        iou: Double? = nil, category: Label? = nil, area: COCOAreaRange = .all, maxDetections: Int? = nil
    ) -> Double {
        guard let a = areas.firstIndex(of: area), let m = limitIndex(maxDetections) else { return .nan }
        var values: [Double] = []
        for t in thresholdIndices(iou) {
            for k in categoryIndices(category) { values.append(recall[t][k][a][m]) }
        }
        return definedMean(values)
    }

    /// pycocotools' `stats`. Boxes and segmentations: AP, AP50, AP75, AP small/medium/large, AR@1, AR@10,
    /// AR@100, AR small/medium/large (area figures at 100 detections). Keypoints: AP, AP50,
    /// AP75, AP medium/large, AR, AR50, AR75, AR medium/large (all at 20 detections).
    public var stats: [Double] {
        if areas.contains(.small) {
            return [
                averagePrecision(), averagePrecision(iou: 0.5), averagePrecision(iou: 0.75),
                averagePrecision(area: .small), averagePrecision(area: .medium), averagePrecision(area: .large),
                averageRecall(maxDetections: 1), averageRecall(maxDetections: 10), averageRecall(),
                averageRecall(area: .small), averageRecall(area: .medium), averageRecall(area: .large),
            ]
        }
        return [
            averagePrecision(), averagePrecision(iou: 0.5), averagePrecision(iou: 0.75),
            averagePrecision(area: .medium), averagePrecision(area: .large),
            averageRecall(), averageRecall(iou: 0.5), averageRecall(iou: 0.75),
            averageRecall(area: .medium), averageRecall(area: .large),
        ]
    }

    private func thresholdIndices(_ iou: Double?) -> [Int] {
        guard let iou else { return Array(Self.iouThresholds.indices) }
        return Self.iouThresholds.indices.filter { Self.iouThresholds[$0] == iou }
    }

    private func categoryIndices(_ category: Label?) -> [Int] {
        guard let category else { return Array(categories.indices) }
        return categories.indices.filter { categories[$0] == category }
    }

    private func limitIndex(_ limit: Int?) -> Int? {
        guard let limit else { return maxDetections.indices.last }
        return maxDetections.firstIndex(of: limit)
    }

    private func definedMean(_ values: [Double]) -> Double {
        let defined = values.filter { !$0.isNaN }
        return defined.isEmpty ? .nan : defined.reduce(0, +) / Double(defined.count)
    }
}

extension COCOEvaluation {
    static let iouThresholds: [Double] = linspace(0.5, 0.95, count: 10)
    static let recallThresholds: [Double] = linspace(0, 1, count: 101)

    /// `numpy.linspace(start, stop, count)` to the last bit: `i·step + start`, the last value
    /// `stop` itself (pycocotools compares IoUs and recalls against these exact values).
    static func linspace(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        let step: Double = (stop - start) / Double(count - 1)
        var values: [Double] = []
        for i in 0..<(count - 1) { values.append(Double(i) * step + start) }
        values.append(stop)
        return values
    }

    /// Evaluates detections against gold over `images`, per category of `categories`, as
    /// `COCOeval.evaluate(); accumulate()`:
    ///
    /// Per image and category, detections are sorted by score (highest first, ties in input
    /// order) and the first 100 kept. At each IoU threshold each detection in turn takes the
    /// unmatched gold box of highest IoU ≥ the threshold, preferring gold that is not
    /// ignored; crowd gold (IoU = intersection / detection area) may take any number of
    /// detections. Gold is ignored when it is a crowd or its area is outside the range; a
    /// detection is ignored when it matched ignored gold, or matched nothing and its own box
    /// area is outside the range. Over all images, the kept detections (the first 1, 10 or
    /// 100 per image) are sorted by score; precision at each rank is `tp/(tp+fp+ε)`, made
    /// non-increasing from the end, and read at the first rank whose recall `tp/gold`
    /// reaches each recall threshold (0 past the last rank): the 101-point interpolation.
    ///
    /// - Throws: ``MetricsError`` if `categories` is empty or repeats a label, an object's
    ///   image is not in `images` or its label not in `categories`, or a score or area is
    ///   not finite.
    public static func evaluate<Label>(
        images: [Int], categories: [Label], gold: [COCOGold<Label>], detections: [COCODetection<Label>]
    ) throws(MetricsError) -> COCOResult<Label> {
        for (n, g) in gold.enumerated() where !g.area.isFinite { throw MetricsError(.nonFinite, "gold[\(n)] has area \(g.area)") }
        let objects = Objects(
            gold: gold.map { Objects.Gold(image: $0.image, label: $0.label, area: $0.area, crowd: $0.isCrowd, ignored: $0.isCrowd) },
            detections: detections.map { Objects.Detection(image: $0.image, label: $0.label, area: $0.box.area, score: $0.score) })
        return try accumulate(
            images: images, categories: categories, objects: objects, areas: COCOAreaRange.allCases, maxDetections: [1, 10, 100]
        ) { d, g in iou(detections[d].box, gold[g].box, crowd: gold[g].isCrowd) }
    }

    /// Evaluates keypoint detections as `COCOeval(gt, dt, "keypoints")` with
    /// `params.kpt_oks_sigmas = sigmas`: the same matching and interpolation as
    /// ``evaluate(images:categories:gold:detections:)`` with OKS
    /// (``Keypoints/oks(gold:predicted:sigmas:)``) for IoU, at most 20 detections per image,
    /// the area ranges all, medium and large, and gold with no labelled keypoint ignored like
    /// a crowd. A detection's area is that of the box around all its keypoints (pycocotools'
    /// `loadRes`), its visibility flags unused.
    ///
    /// - Throws: ``MetricsError`` as ``evaluate(images:categories:gold:detections:)``, or
    ///   as ``Keypoints/oks(gold:predicted:sigmas:)`` for an object whose keypoints do not fit
    ///   `sigmas`.
    public static func evaluateKeypoints<Label>(
        images: [Int], categories: [Label], gold: [COCOKeypointGold<Label>], detections: [COCOKeypointDetection<Label>],
        sigmas: [Double]
    ) throws(MetricsError) -> COCOResult<Label> {
        for (n, d) in detections.enumerated() where d.keypoints.isEmpty {
            throw MetricsError(.empty, "detections[\(n)] has no keypoints")
        }
        var oks: [[Double]] = []
        for d in detections {
            var row: [Double] = []
            for g in gold { row.append(try Keypoints.oks(gold: g.object, predicted: d.keypoints, sigmas: sigmas)) }
            oks.append(row)
        }
        let objects = Objects(
            gold: gold.map {
                Objects.Gold(
                    image: $0.image, label: $0.object.label, area: $0.object.area, crowd: $0.isCrowd,
                    ignored: $0.isCrowd || !$0.object.keypoints.contains { $0.visibility > 0 })
            },
            detections: detections.map { d in
                let xs = d.keypoints.map(\.x), ys = d.keypoints.map(\.y)
                let area = (xs.max()! - xs.min()!) * (ys.max()! - ys.min()!)
                return Objects.Detection(image: d.image, label: d.label, area: area, score: d.score)
            })
        return try accumulate(
            images: images, categories: categories, objects: objects, areas: [.all, .medium, .large], maxDetections: [20]
        ) { d, g in oks[d][g] }
    }

    /// What the evaluation needs of the objects, whatever their shape.
    struct Objects<Label: Hashable & Sendable> {
        struct Gold {
            let image: Int, label: Label, area: Double, crowd: Bool
            /// Never counted as a miss (a crowd region; for keypoints, no labelled keypoint).
            let ignored: Bool
        }
        struct Detection {
            let image: Int, label: Label, area: Double, score: Double
        }
        let gold: [Gold]
        let detections: [Detection]
    }

    /// pycocotools' `evaluate` and `accumulate` over objects and a similarity
    /// `similarity(detection, gold)` (indices into `objects`).
    static func accumulate<Label>(
        images: [Int], categories: [Label], objects: Objects<Label>, areas: [COCOAreaRange], maxDetections maxDets: [Int],
        similarity: (Int, Int) -> Double
    ) throws(MetricsError) -> COCOResult<Label> {
        let catIndex = try Classification.labelIndex(categories)
        let imageList = Array(Set(images)).sorted()
        let imageIndex = Dictionary(uniqueKeysWithValues: imageList.enumerated().map { ($1, $0) })
        var golds = Array(repeating: Array(repeating: [Int](), count: imageList.count), count: categories.count)
        var dets = golds
        for (n, g) in objects.gold.enumerated() {
            guard let i = imageIndex[g.image] else {
                throw MetricsError(.invalidInput, "gold[\(n)] is on image \(g.image), which is not in images")
            }
            guard let k = catIndex[g.label] else {
                throw MetricsError(.unknownLabel, "gold[\(n)] has label \(g.label), which is not in categories")
            }
            golds[k][i].append(n)
        }
        for (n, d) in objects.detections.enumerated() {
            guard let i = imageIndex[d.image] else {
                throw MetricsError(.invalidInput, "detections[\(n)] is on image \(d.image), which is not in images")
            }
            guard let k = catIndex[d.label] else {
                throw MetricsError(.unknownLabel, "detections[\(n)] has label \(d.label), which is not in categories")
            }
            if !d.score.isFinite { throw MetricsError(.nonFinite, "detections[\(n)] has score \(d.score)") }
            dets[k][i].append(n)
        }
        let (T, R) = (iouThresholds.count, recallThresholds.count)
        let cell = Array(repeating: Array(repeating: Double.nan, count: maxDets.count), count: areas.count)
        var precision = Array(repeating: Array(repeating: Array(repeating: cell, count: categories.count), count: R), count: T)
        var recall = Array(repeating: Array(repeating: cell, count: categories.count), count: T)
        for k in categories.indices {
            let pairs = imageList.indices.map { i in
                ImagePair(gold: golds[k][i], detections: dets[k][i], objects: objects, maxDetections: maxDets.last!, similarity: similarity)
            }
            for (a, area) in areas.enumerated() {
                let evaluated = pairs.compactMap { $0.evaluate(area: area) }
                for (m, maxDet) in maxDets.enumerated() {
                    guard let curve = Curve(evaluated, maxDetections: maxDet) else { continue }
                    for t in 0..<T {
                        recall[t][k][a][m] = curve.recall(t)
                        let q = curve.interpolatedPrecision(t)
                        for r in 0..<R { precision[t][r][k][a][m] = q[r] }
                    }
                }
            }
        }
        return COCOResult(categories: categories, areas: areas, maxDetections: maxDets, precision: precision, recall: recall)
    }

    /// One image's gold and detections of one category, detections sorted by score and
    /// truncated, with their similarity matrix (pycocotools' `computeIoU` / `computeOks`).
    private struct ImagePair {
        let goldArea: [Double]
        let goldCrowd: [Bool]
        let goldIgnored: [Bool]
        let detectionArea: [Double]
        let scores: [Double]
        /// `iou[d][g]`.
        let iou: [[Double]]

        init<Label>(gold: [Int], detections: [Int], objects: Objects<Label>, maxDetections: Int, similarity: (Int, Int) -> Double) {
            let all = objects.detections
            let order = detections.sorted { all[$0].score > all[$1].score || (all[$0].score == all[$1].score && $0 < $1) }
            let kept = Array(order.prefix(maxDetections))
            goldArea = gold.map { objects.gold[$0].area }
            goldCrowd = gold.map { objects.gold[$0].crowd }
            goldIgnored = gold.map { objects.gold[$0].ignored }
            detectionArea = kept.map { all[$0].area }
            scores = kept.map { all[$0].score }
            iou = kept.map { d in gold.map { g in similarity(d, g) } }
        }

        /// pycocotools' `evaluateImg` for one area range; nil when the image has neither gold
        /// nor detections of the category.
        func evaluate(area: COCOAreaRange) -> EvaluatedImage? {
            if goldArea.isEmpty && scores.isEmpty { return nil }
            let (lo, hi) = area.bounds
            let ignored = goldArea.indices.map { goldIgnored[$0] || goldArea[$0] < lo || goldArea[$0] > hi }
            let gOrder = goldArea.indices.sorted { (ignored[$0] ? 1 : 0, $0) < (ignored[$1] ? 1 : 0, $1) }
            let outside = detectionArea.map { $0 < lo || $0 > hi }
            var matched = Array(repeating: Array(repeating: false, count: scores.count), count: iouThresholds.count)
            var detIgnored = matched
            for (t, threshold) in iouThresholds.enumerated() {
                var goldTaken = Array(repeating: false, count: goldArea.count)
                for d in scores.indices {
                    var best = min(threshold, 1 - 1e-10)
                    var m: Int?
                    for g in gOrder {
                        if goldTaken[g] && !goldCrowd[g] { continue }
                        if let m, !ignored[m], ignored[g] { break }
                        if iou[d][g] < best { continue }
                        best = iou[d][g]
                        m = g
                    }
                    if let m {
                        matched[t][d] = true
                        detIgnored[t][d] = ignored[m]
                        goldTaken[m] = true
                    } else {
                        detIgnored[t][d] = outside[d]
                    }
                }
            }
            return EvaluatedImage(
                scores: scores, matched: matched, detectionIgnored: detIgnored,
                goldNotIgnored: ignored.filter { !$0 }.count)
        }
    }

    private struct EvaluatedImage {
        let scores: [Double]
        /// `[threshold][detection]`, detections by decreasing score.
        let matched: [[Bool]]
        let detectionIgnored: [[Bool]]
        let goldNotIgnored: Int
    }

    /// The ranked detections of one category, area range and detection limit over all
    /// images (pycocotools' `accumulate`).
    private struct Curve {
        let matched: [[Bool]]
        let ignored: [[Bool]]
        let gold: Int

        init?(_ images: [EvaluatedImage], maxDetections: Int) {
            if images.isEmpty { return nil }
            gold = images.reduce(0) { $0 + $1.goldNotIgnored }
            if gold == 0 { return nil }
            var scores: [Double] = []
            var m = Array(repeating: [Bool](), count: iouThresholds.count), ig = m
            for e in images {
                let n = min(maxDetections, e.scores.count)
                scores += e.scores.prefix(n)
                for t in m.indices {
                    m[t] += e.matched[t].prefix(n)
                    ig[t] += e.detectionIgnored[t].prefix(n)
                }
            }
            let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
            matched = m.map { row in order.map { row[$0] } }
            ignored = ig.map { row in order.map { row[$0] } }
        }

        /// Cumulative true and false positives at each rank, ignored detections skipped.
        private func cumulative(_ t: Int) -> (tp: [Double], fp: [Double]) {
            var tp: [Double] = [], fp: [Double] = []
            var a = 0.0, b = 0.0
            for (hit, skip) in zip(matched[t], ignored[t]) {
                if hit && !skip { a += 1 }
                if !hit && !skip { b += 1 }
                tp.append(a)
                fp.append(b)
            }
            return (tp, fp)
        }

        func recall(_ t: Int) -> Double {
            let (tp, _) = cumulative(t)
            return tp.last.map { $0 / Double(gold) } ?? 0
        }

        func interpolatedPrecision(_ t: Int) -> [Double] {
            let (tp, fp) = cumulative(t)
            let rc = tp.map { $0 / Double(gold) }
            var pr = zip(tp, fp).map { $0 / ($0 + $1 + Double.ulpOfOne) }
            if pr.count > 1 {
                for i in stride(from: pr.count - 1, to: 0, by: -1) where pr[i] > pr[i - 1] { pr[i - 1] = pr[i] }
            }
            var q = Array(repeating: 0.0, count: recallThresholds.count)
            for (r, threshold) in recallThresholds.enumerated() {
                // numpy.searchsorted(rc, threshold, side="left"): rc is non-decreasing
                var lo = 0, hi = rc.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if rc[mid] < threshold { lo = mid + 1 } else { hi = mid }
                }
                if lo >= pr.count { break }
                q[r] = pr[lo]
            }
            return q
        }
    }

    /// pycocotools' `bbIou`: intersection over union, or over the detection's area when the
    /// gold box is a crowd region.
    static func iou(_ d: Box, _ g: Box, crowd: Bool) -> Double {
        let w = min(d.maxX, g.maxX) - max(d.minX, g.minX)
        let h = min(d.maxY, g.maxY) - max(d.minY, g.minY)
        if w <= 0 || h <= 0 { return 0 }
        let inter = w * h
        return inter / (crowd ? d.area : d.area + g.area - inter)
    }
}
