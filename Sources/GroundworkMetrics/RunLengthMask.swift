/// A binary mask of an image in COCO's run-length encoding, as pycocotools' `maskApi.c`
/// (cocodataset/cocoapi `common/maskApi.c`, by Piotr Dollár and Tsung-Yi Lin, Simplified BSD
/// licence; the 2.0.11 release from ppwwyyxx/cocoapi) defines and computes it.
///
/// Pixels are read column by column (down the first column, then the next: column-major),
/// and `counts` alternates runs of 0s and 1s, starting with 0s (a first count of 0 when the
/// mask starts with a 1). The counts add up to `height × width`. Areas and IoUs are counted
/// in pixels, so a mask's figures are exact integers and ratios of integers.
public struct RunLengthMask: Sendable, Hashable {
    /// The image's height and width in pixels.
    public let height: Int
    public let width: Int
    /// Alternating run lengths, background first.
    public let counts: [UInt32]

    /// The largest image a mask may cover: below 2²⁹ pixels every count, and every
    /// difference `maskApi.c` encodes, stays inside the range its C integers compute exactly.
    public static let maximumPixels = (1 << 29) - 1

    /// A mask from its run lengths (COCO's uncompressed RLE `{"size": [h, w], "counts": […]}`).
    ///
    /// - Throws: ``MetricsError`` when the size is not positive or too large
    ///   (``maximumPixels``), or the counts do not add up to `height × width`.
    public init(height: Int, width: Int, counts: [UInt32]) throws(MetricsError) {
        try Self.checkSize(height: height, width: width)
        var total = 0
        for count in counts { total += Int(count) }
        guard total == height * width else {
            throw MetricsError(
                .invalidInput, "the run lengths add up to \(total) pixels, but a \(height) × \(width) mask has \(height * width)")
        }
        self.init(unchecked: height, width, counts)
    }

    init(unchecked height: Int, _ width: Int, _ counts: [UInt32]) {
        self.height = height
        self.width = width
        self.counts = counts
    }

    static func checkSize(height: Int, width: Int) throws(MetricsError) {
        guard height > 0, width > 0 else {
            throw MetricsError(.outOfRange, "a mask needs a positive height and width, got \(height) × \(width)")
        }
        guard height <= maximumPixels / width else {
            throw MetricsError(
                .outOfRange, "a \(height) × \(width) image has more than \(maximumPixels) pixels, the most a mask may cover")
        }
    }

    /// The number of pixels set (`rleArea`).
    public var area: Int {
        var total = 0
        for j in stride(from: 1, to: counts.count, by: 2) { total += Int(counts[j]) }
        return total
    }

    /// The smallest pixel box holding every set pixel, as `[x, y, width, height]`; all zeros
    /// for an empty mask (`rleToBbox` of 2.0.11, which spans every row when a run of set
    /// pixels crosses from one column into the next).
    public var boundingBox: [Double] {
        let h = UInt32(height)
        let m = counts.count / 2 * 2
        if m == 0 { return [0, 0, 0, 0] }
        var xs = UInt32(width), ys = h, xe: UInt32 = 0, ye: UInt32 = 0, cc: UInt32 = 0
        for j in 0..<m {
            let start = cc
            cc += counts[j]
            if j % 2 == 0 || counts[j] == 0 { continue }
            let yStart = start % h, xStart = (start - yStart) / h
            let yEnd = (cc - 1) % h, xEnd = (cc - 1 - yEnd) / h
            xs = min(xs, xStart)
            xe = max(xe, xEnd)
            if xStart < xEnd {
                ys = 0
                ye = h - 1
            } else {
                ys = min(ys, yStart)
                ye = max(ye, yEnd)
            }
        }
        // Wraps like C's unsigned arithmetic when no run was set (counts of 0 only).
        return [Double(xs), Double(ys), Double(xe &- xs &+ 1), Double(ye &- ys &+ 1)]
    }

    /// The union of masks of one size (`rleMerge` with `intersect = 0`), as pycocotools
    /// merges the parts of a multi-part polygon.
    ///
    /// - Throws: ``MetricsError`` for no masks, or masks of different sizes.
    public static func union(_ masks: [RunLengthMask]) throws(MetricsError) -> RunLengthMask {
        guard let first = masks.first else { throw MetricsError(.empty, "a union needs at least one mask") }
        for (i, mask) in masks.enumerated() where mask.height != first.height || mask.width != first.width {
            throw MetricsError(
                .mismatchedLengths,
                "mask \(i) is \(mask.height) × \(mask.width), but mask 0 is \(first.height) × \(first.width); a union needs one size")
        }
        var counts = first.counts
        for b in masks.dropFirst() {
            var merged: [UInt32] = []
            var stretch: UInt32 = 0
            walk(counts, b.counts) { length, before, after, last in
                stretch += length
                if (after.0 || after.1) != (before.0 || before.1) || last {
                    merged.append(stretch)
                    stretch = 0
                }
            }
            counts = merged
        }
        return RunLengthMask(unchecked: first.height, first.width, counts)
    }

    /// pycocotools' mask IoU (`rleIou`): set pixels in both over set pixels in either, or,
    /// when `gold` is a crowd region, over the detection's set pixels; 0 when the two share no
    /// pixel. Masks of different sizes whose boxes overlap give −1, which no threshold
    /// accepts, as in pycocotools.
    public static func iou(_ detection: RunLengthMask, _ gold: RunLengthMask, crowd: Bool) -> Double {
        // The boxes first, as pycocotools does: masks whose boxes do not overlap share no pixel.
        let a = detection.boundingBox, b = gold.boundingBox
        let overlapWidth = min(a[2] + a[0], b[2] + b[0]) - max(a[0], b[0])
        let overlapHeight = min(a[3] + a[1], b[3] + b[1]) - max(a[1], b[1])
        guard overlapWidth > 0, overlapHeight > 0 else { return 0 }
        if detection.height != gold.height || detection.width != gold.width { return -1 }
        var intersection: UInt32 = 0, union: UInt32 = 0
        walk(detection.counts, gold.counts) { length, before, _, _ in
            if before.0 || before.1 { union += length }
            if before.0 && before.1 { intersection += length }
        }
        if intersection == 0 { return 0 }
        let denominator = crowd ? Double(detection.area) : Double(union)
        return Double(intersection) / denominator
    }

    /// The loop `rleMerge` and `rleIou` share: both masks' runs walked together, `body`
    /// called for each stretch over which neither changes, with whether each mask is set
    /// during it (`before`) and just after it (`after`), and whether it is the last.
    private static func walk(_ a: [UInt32], _ b: [UInt32], _ body: (UInt32, (Bool, Bool), (Bool, Bool), Bool) -> Void) {
        var ca = a[0], cb = b[0], ia = 1, ib = 1, va = false, vb = false, remaining: UInt32 = 1
        while remaining > 0 {
            let c = min(ca, cb)
            let before = (va, vb)
            ca -= c
            if ca == 0 && ia < a.count {
                ca = a[ia]
                ia += 1
                va.toggle()
            }
            cb -= c
            if cb == 0 && ib < b.count {
                cb = b[ib]
                ib += 1
                vb.toggle()
            }
            remaining = ca + cb
            body(c, before, (va, vb), remaining == 0)
        }
    }
}
