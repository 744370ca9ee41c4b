extension RunLengthMask {
    /// The largest coordinate magnitude a polygon may have: the outline is walked at five
    /// steps a pixel, so this bounds the work for an outline far outside its image.
    public static let maximumCoordinate = 1_000_000.0
    /// The longest outline walked, in upsampled steps (a fifth of a pixel): ten million
    /// pixels of perimeter, thousands of times a real object's.
    public static let maximumOutlineSteps = 50_000_000

    /// The mask of an object outlined by one or more polygons, as pycocotools'
    /// `frPyObjects(polygons, h, w)` and `merge` make it for COCO's `segmentation` lists:
    /// each part rasterised (``init(polygon:height:width:)``), then their union.
    ///
    /// Parts after the first may have one or two points (a dot or a line, which pycocotools
    /// accepts and which set few or no pixels); the first needs three, as pycocotools reads a
    /// shorter first part as a box or refuses it.
    ///
    /// - Throws: ``MetricsError`` for no parts, a first part of fewer than three points, or
    ///   as ``init(polygon:height:width:)``.
    public init(polygons parts: [[Point]], height: Int, width: Int) throws(MetricsError) {
        guard let first = parts.first else { throw MetricsError(.empty, "an outline needs at least one polygon") }
        guard first.count >= 3 else {
            throw MetricsError(.invalidPolygon, "the first polygon of an outline needs at least 3 points, got \(first.count)")
        }
        var masks: [RunLengthMask] = []
        for (index, part) in parts.enumerated() {
            do {
                masks.append(try RunLengthMask(polygon: part, height: height, width: width))
            } catch {
                throw MetricsError(error.kind, parts.count == 1 ? error.message : "polygon \(index + 1): \(error.message)")
            }
        }
        self = try Self.union(masks)
    }

    /// One polygon rasterised exactly as pycocotools' `rleFrPoly` does it.
    ///
    /// The vertices are scaled by 5 and rounded (`(int)(5·v + 0.5)`, so toward zero for
    /// negative values); each edge is walked one step at a time along its longer axis,
    /// rounding the other coordinate the same way. Wherever the walk crosses from one
    /// upsampled column to the next at a pixel's centre column, the pixel row below the
    /// crossing (clamped to the image) starts or ends a run; those boundaries, sorted, give
    /// the run lengths. A pixel is set when its centre lies inside the outline, up to these
    /// roundings; a self-overlapping outline toggles pixels as its crossings fall.
    ///
    /// - Throws: ``MetricsError`` for no point, a coordinate that is not finite or larger
    ///   than ``maximumCoordinate``, an outline longer than ``maximumOutlineSteps``, or a size
    ///   as ``init(height:width:counts:)``.
    public init(polygon: [Point], height: Int, width: Int) throws(MetricsError) {
        try Self.checkSize(height: height, width: width)
        guard !polygon.isEmpty else { throw MetricsError(.invalidPolygon, "a polygon needs at least one point") }
        for (i, p) in polygon.enumerated() {
            guard p.x.isFinite, p.y.isFinite else {
                throw MetricsError(.nonFinite, "point \(i + 1) is (\(p.x), \(p.y)); coordinates must be finite")
            }
            guard abs(p.x) <= Self.maximumCoordinate, abs(p.y) <= Self.maximumCoordinate else {
                throw MetricsError(
                    .outOfRange, "point \(i + 1) is (\(p.x), \(p.y)); coordinates beyond ±\(Int(Self.maximumCoordinate)) are refused")
            }
        }
        var steps = 0
        for (j, p) in polygon.enumerated() {
            let q = polygon[(j + 1) % polygon.count]
            steps += Int(5 * max(abs(q.x - p.x), abs(q.y - p.y))) + 2
        }
        guard steps <= Self.maximumOutlineSteps else {
            throw MetricsError(
                .outOfRange,
                "the outline is about \(steps / 5) pixels long; outlines longer than \(Self.maximumOutlineSteps / 5) are refused")
        }
        let boundaries = Self.columnBoundaries(polygon, height: height, width: width)
        self.init(unchecked: height, width, Self.runLengths(boundaries, pixels: height * width))
    }

    /// The pixel indices (`x·height + y`) where the outline starts or ends a run, in walk
    /// order: `rleFrPoly`'s upsampled walk and its downsampling to pixel columns, one edge
    /// point at a time rather than in arrays.
    private static func columnBoundaries(_ polygon: [Point], height h: Int, width w: Int) -> [Int] {
        let scale = 5.0
        let xs = polygon.map { Int(scale * $0.x + 0.5) }, ys = polygon.map { Int(scale * $0.y + 0.5) }
        var boundaries: [Int] = []
        var previous: (u: Int, v: Int)?
        func visit(_ u: Int, _ v: Int) {
            defer { previous = (u, v) }
            guard let (pu, pv) = previous, u != pu else { return }
            var xd = Double(u < pu ? u : u - 1)
            xd = (xd + 0.5) / scale - 0.5
            if xd.rounded(.down) != xd || xd < 0 || xd > Double(w - 1) { return }
            var yd = Double(v < pv ? v : pv)
            yd = (yd + 0.5) / scale - 0.5
            if yd < 0 { yd = 0 } else if yd > Double(h) { yd = Double(h) }
            yd = yd.rounded(.up)
            boundaries.append(Int(xd) * h + Int(yd))
        }
        for j in polygon.indices {
            let next = (j + 1) % polygon.count
            var xs0 = xs[j], xe = xs[next], ys0 = ys[j], ye = ys[next]
            let dx = abs(xe - xs0), dy = abs(ys0 - ye)
            let flip = (dx >= dy && xs0 > xe) || (dx < dy && ys0 > ye)
            if flip {
                swap(&xs0, &xe)
                swap(&ys0, &ye)
            }
            if dx >= dy {
                let s = dx == 0 ? Double.nan : Double(ye - ys0) / Double(dx)
                for d in 0...dx {
                    let t = flip ? dx - d : d
                    // dx = 0 means a repeated point: C's 0/0 slope is never used there (t = 0).
                    visit(t + xs0, dx == 0 ? ys0 : Int(Double(ys0) + s * Double(t) + 0.5))
                }
            } else {
                let s = Double(xe - xs0) / Double(dy)
                for d in 0...dy {
                    let t = flip ? dy - d : d
                    visit(Int(Double(xs0) + s * Double(t) + 0.5), t + ys0)
                }
            }
        }
        return boundaries
    }

    /// Run lengths from boundary pixel indices (`rleFrPoly`'s last step): sorted, turned into
    /// differences, and a zero difference (two boundaries at one pixel) merged away with the
    /// run after it.
    private static func runLengths(_ boundaries: [Int], pixels: Int) -> [UInt32] {
        let a = (boundaries + [pixels]).sorted()
        var differences: [UInt32] = []
        var p = 0
        for t in a {
            differences.append(UInt32(t - p))
            p = t
        }
        var counts = [differences[0]]
        var j = 1
        while j < differences.count {
            if differences[j] > 0 {
                counts.append(differences[j])
                j += 1
            } else {
                j += 1
                if j < differences.count {
                    counts[counts.count - 1] += differences[j]
                    j += 1
                }
            }
        }
        return counts
    }
}
