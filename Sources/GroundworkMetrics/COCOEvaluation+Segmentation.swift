/// A gold object of a COCO segmentation evaluation: its mask (a rasterised outline or a
/// crowd region's run-length mask) on an image.
public struct COCOMaskGold<Label: Hashable & Sendable>: Sendable, Hashable {
    public var image: Int
    public var label: Label
    public var mask: RunLengthMask
    /// The area that places the object in an area range: COCO's `area` field when given,
    /// else the mask's pixel count.
    public var area: Double
    /// A crowd region: never a miss; a detection inside it is ignored, and its IoU with the
    /// region is over the detection's own pixels.
    public var isCrowd: Bool

    public init(image: Int, label: Label, mask: RunLengthMask, area: Double? = nil, isCrowd: Bool = false) {
        self.image = image
        self.label = label
        self.mask = mask
        self.area = area ?? Double(mask.area)
        self.isCrowd = isCrowd
    }
}

/// A scored detection of a COCO segmentation evaluation.
public struct COCOMaskDetection<Label: Hashable & Sendable>: Sendable, Hashable {
    public var image: Int
    public var label: Label
    public var mask: RunLengthMask
    public var score: Double
    /// The area that decides whether an unmatched detection falls in an area range: the
    /// mask's pixel count, as pycocotools' `loadRes` sets it for segmentation results, unless
    /// given (`loadRes` uses the box's `w·h` when the results carry boxes).
    public var area: Double

    public init(image: Int, label: Label, mask: RunLengthMask, score: Double, area: Double? = nil) {
        self.image = image
        self.label = label
        self.mask = mask
        self.score = score
        self.area = area ?? Double(mask.area)
    }
}

extension COCOEvaluation {
    /// Evaluates segmentations as `COCOeval(gt, dt, "segm")`: the matching, area ranges,
    /// detection limits (1, 10, 100) and 101-point interpolation of
    /// ``evaluate(images:categories:gold:detections:)``, with the masks' pixel IoU
    /// (``RunLengthMask/iou(_:_:crowd:)``) in place of box IoU. Gold areas are COCO's `area`
    /// fields (``COCOMaskGold/area``), not the masks'.
    ///
    /// - Throws: ``MetricsError`` as ``evaluate(images:categories:gold:detections:)``.
    public static func evaluateSegmentation<Label>(
        images: [Int], categories: [Label], gold: [COCOMaskGold<Label>], detections: [COCOMaskDetection<Label>]
    ) throws(MetricsError) -> COCOResult<Label> {
        for (n, g) in gold.enumerated() where !g.area.isFinite { throw MetricsError(.nonFinite, "gold[\(n)] has area \(g.area)") }
        for (n, d) in detections.enumerated() where !d.area.isFinite {
            throw MetricsError(.nonFinite, "detections[\(n)] has area \(d.area)")
        }
        let objects = Objects(
            gold: gold.map { Objects.Gold(image: $0.image, label: $0.label, area: $0.area, crowd: $0.isCrowd, ignored: $0.isCrowd) },
            detections: detections.map { Objects.Detection(image: $0.image, label: $0.label, area: $0.area, score: $0.score) })
        return try accumulate(
            images: images, categories: categories, objects: objects, areas: COCOAreaRange.allCases, maxDetections: [1, 10, 100]
        ) { d, g in RunLengthMask.iou(detections[d].mask, gold[g].mask, crowd: gold[g].isCrowd) }
    }
}
