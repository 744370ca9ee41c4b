/// Simple polygons (convex or concave): validation, area, exact intersection area and IoU.
public enum PolygonGeometry {}

/// A point in the plane.
public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double

    /// Creates the value from its parts (no validation beyond the types).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A simple polygon: at least three distinct vertices, no two edges crossing or touching
/// except consecutive edges at their shared vertex. Holes are not supported.
public struct Polygon: Sendable, Hashable {
    /// The vertices after cleaning, counter-clockwise (positive signed area).
    public let vertices: [Point]
    /// The enclosed area (> 0).
    public let area: Double

    /// Validates and normalises `vertices`.
    ///
    /// Consecutive repeated vertices and a closing vertex equal to the first are dropped;
    /// the ring is then reversed if it is clockwise. Consecutive collinear edges that continue
    /// straight on are allowed. Edge `i` joins cleaned vertex `i` to vertex `i + 1`.
    ///
    /// - Throws: ``MetricsError`` with kind `.nonFinite` for NaN/infinite coordinates, or
    ///   `.invalidPolygon` for fewer than three distinct vertices, a self-intersection
    ///   ("polygon has a self-intersection between edges 2 and 5"), an edge folding back on
    ///   the previous one, or zero area.
    public init(_ vertices: [Point]) throws(MetricsError) {
        for (i, p) in vertices.enumerated() where !(p.x.isFinite && p.y.isFinite) {
            throw MetricsError(.nonFinite, "polygon vertex \(i) is (\(p.x), \(p.y)); coordinates must be finite")
        }
        var pts: [Point] = []
        for p in vertices where pts.last != p { pts.append(p) }
        while pts.count > 1, pts.first == pts.last { pts.removeLast() }
        if pts.count < 3 {
            throw MetricsError(.invalidPolygon, "polygon needs at least 3 distinct vertices, got \(pts.count)")
        }
        try PolygonGeometry.checkSimple(pts)
        var twice = 0.0
        for i in 0..<pts.count {
            let a = pts[i], b = pts[(i + 1) % pts.count]
            twice += a.x * b.y - b.x * a.y
        }
        if twice == 0 { throw MetricsError(.invalidPolygon, "polygon has zero area") }
        if twice < 0 { pts.reverse() }
        self.vertices = pts
        self.area = abs(twice) / 2
    }

    /// Convenience: vertices as `(x, y)` pairs.
    public init(_ coordinates: [(Double, Double)]) throws(MetricsError) {
        try self.init(coordinates.map { Point(x: $0.0, y: $0.1) })
    }
}

/// A polygon with a class label, for matching.
public struct LabeledPolygon<Label: Hashable & Sendable>: Sendable, Hashable {
    public var polygon: Polygon
    public var label: Label

    /// Creates the value from its parts (no validation beyond the types).
    public init(_ polygon: Polygon, label: Label) {
        self.polygon = polygon
        self.label = label
    }
}

extension PolygonGeometry {
    /// Exact area of `a ∩ b` for simple polygons, convex or concave, matching shapely's
    /// `a.intersection(b).area` up to floating-point rounding.
    ///
    /// Method (Green's theorem, no clipping polygon is built): the boundary of `a ∩ b` is the
    /// part of ∂a inside `b` plus the part of ∂b inside `a`, both counter-clockwise, so the
    /// area is `½ Σ (x₁y₂ − x₂y₁)` over those pieces. Every edge is cut at all its contacts
    /// with the other polygon (crossings, touching vertices, ends of collinear overlaps); each
    /// piece is classified by its midpoint (even–odd rule). Degenerate contacts are decided
    /// exactly: a piece lying on an edge of the other polygon counts once if both edges run
    /// the same way (the interiors are on the same side) and not at all if they run opposite
    /// ways (the polygons only touch). Touching at a vertex or along an edge thus gives 0.
    /// Coordinates are shifted to the joint bounding box's corner first to limit rounding.
    public static func intersectionArea(_ a: Polygon, _ b: Polygon) -> Double {
        let ba = bounds(a.vertices), bb = bounds(b.vertices)
        if ba.maxX <= bb.minX || bb.maxX <= ba.minX || ba.maxY <= bb.minY || bb.maxY <= ba.minY { return 0 }
        let ox = min(ba.minX, bb.minX), oy = min(ba.minY, bb.minY)
        let na = a.vertices.count, nb = b.vertices.count
        // Everything below lives in two scratch blocks (on the stack when small): the shifted
        // vertices, and every edge's cut parameters with room for all it can get — 0 and 1
        // plus two per edge of the other polygon. Arrays per edge cost more than the geometry.
        let capA = 2 + 2 * nb, capB = 2 + 2 * na
        return withUnsafeTemporaryAllocation(of: Point.self, capacity: na + nb) { points in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: na * capA + nb * capB) { cutStore in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: na + nb) { cutCounts in
                    let pa = points.baseAddress!, pb = pa + na
                    for i in 0..<na { pa[i] = Point(x: a.vertices[i].x - ox, y: a.vertices[i].y - oy) }
                    for j in 0..<nb { pb[j] = Point(x: b.vertices[j].x - ox, y: b.vertices[j].y - oy) }
                    var cutsA = Cuts(values: cutStore.baseAddress!, counts: cutCounts.baseAddress!, capacity: capA, edges: na)
                    var cutsB = Cuts(
                        values: cutStore.baseAddress! + na * capA, counts: cutCounts.baseAddress! + na, capacity: capB, edges: nb)
                    var sharedA: [(edge: Int, overlap: Overlap)] = [], sharedB: [(edge: Int, overlap: Overlap)] = []
                    for i in 0..<na {
                        let p = pa[i], r = sub(pa[(i + 1) % na], p)
                        for j in 0..<nb {
                            let q = pb[j], s = sub(pb[(j + 1) % nb], q)
                            contact(p, r, q, s, i, j, &cutsA, &cutsB, &sharedA, &sharedB)
                        }
                    }
                    var twice = 0.0
                    twice += boundaryInside(pa, na, cutsA, sharedA, other: pb, nb, keepSameDirection: true)
                    twice += boundaryInside(pb, nb, cutsB, sharedB, other: pa, na, keepSameDirection: false)
                    let area = twice / 2
                    return min(max(area, 0), min(a.area, b.area))
                }
            }
        }
    }

    /// IoU of two simple polygons: `I / (area(a) + area(b) − I)` with `I` from
    /// ``intersectionArea(_:_:)`` — shapely's `a.intersection(b).area / a.union(b).area`.
    public static func iou(_ a: Polygon, _ b: Polygon) -> Double {
        let inter = intersectionArea(a, b)
        let union = a.area + b.area - inter
        return union > 0 ? inter / union : 0
    }

    /// CVAT-style matching of labelled polygons by IoU with the rules of
    /// ``ObjectMatching/match(similarity:goldLabels:predictedLabels:threshold:)``.
    ///
    /// - Throws: ``MetricsError`` if the threshold is outside (0, 1].
    @_specialize(where Label == String)
    @_specialize(where Label == Int)
    public static func match<Label: Hashable & Sendable>(
        gold: [LabeledPolygon<Label>], predicted: [LabeledPolygon<Label>], threshold: Double = 0.5
    ) throws(MetricsError) -> MatchResult {
        try ObjectMatching.match(gold: gold.count, predicted: predicted.count, threshold: threshold) { i, j in
            (iou(gold[i].polygon, predicted[j].polygon), gold[i].label == predicted[j].label)
        }
    }

    // MARK: - Validation

    static func checkSimple(_ pts: [Point]) throws(MetricsError) {
        let n = pts.count
        for i in 0..<n {
            let a = pts[i], b = pts[(i + 1) % n]
            // consecutive edge folding back over this one
            let c = pts[(i + 2) % n]
            let d1 = sub(b, a), d2 = sub(c, b)
            if cross(d1, d2) == 0 && dot(d1, d2) < 0 {
                throw MetricsError(
                    .invalidPolygon,
                    "polygon has a self-intersection between edges \(i) and \((i + 1) % n) (the second folds back over the first)")
            }
            var j = i + 2
            while j < n {
                if i == 0 && j == n - 1 { break }  // edges n-1 and 0 are consecutive
                if segmentsTouch(a, b, pts[j], pts[(j + 1) % n]) {
                    throw MetricsError(.invalidPolygon, "polygon has a self-intersection between edges \(i) and \(j)")
                }
                j += 1
            }
        }
    }

    private static func orient(_ a: Point, _ b: Point, _ c: Point) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }

    private static func onSegment(_ a: Point, _ b: Point, _ p: Point) -> Bool {
        min(a.x, b.x) <= p.x && p.x <= max(a.x, b.x) && min(a.y, b.y) <= p.y && p.y <= max(a.y, b.y)
    }

    /// Closed segments `ab` and `cd` share at least one point (exact predicates).
    private static func segmentsTouch(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
        let o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b)
        if ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)) { return true }
        if o1 == 0 && onSegment(a, b, c) { return true }
        if o2 == 0 && onSegment(a, b, d) { return true }
        if o3 == 0 && onSegment(c, d, a) { return true }
        if o4 == 0 && onSegment(c, d, b) { return true }
        return false
    }

    // MARK: - Intersection helpers

    struct Overlap {
        var lo: Double
        var hi: Double
        var sameDirection: Bool
    }

    private static func sub(_ a: Point, _ b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
    private static func cross(_ a: Point, _ b: Point) -> Double { a.x * b.y - a.y * b.x }
    private static func dot(_ a: Point, _ b: Point) -> Double { a.x * b.x + a.y * b.y }

    private static func bounds(_ pts: [Point]) -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var r = (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity)
        for p in pts {
            r.minX = min(r.minX, p.x); r.minY = min(r.minY, p.y)
            r.maxX = max(r.maxX, p.x); r.maxY = max(r.maxY, p.y)
        }
        return r
    }

    private static let relativeTolerance = 1e-12

    /// The cut parameters of every edge of one polygon: edge `e`'s are
    /// `values[e·capacity ..< e·capacity + counts[e]]`, starting with 0 and 1.
    struct Cuts {
        let values: UnsafeMutablePointer<Double>
        let counts: UnsafeMutablePointer<Int>
        let capacity: Int

        init(values: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int>, capacity: Int, edges: Int) {
            self.values = values
            self.counts = counts
            self.capacity = capacity
            for e in 0..<edges {
                values[e * capacity] = 0
                values[e * capacity + 1] = 1
                counts[e] = 2
            }
        }

        @inline(__always)
        func append(_ edge: Int, _ t: Double) {
            values[edge * capacity + counts[edge]] = t
            counts[edge] += 1
        }

        /// Edge `edge`'s cuts, sorted in place (insertion sort: there are a handful).
        func sorted(_ edge: Int) -> UnsafeBufferPointer<Double> {
            let v = values + edge * capacity, n = counts[edge]
            var i = 1
            while i < n {
                let x = v[i]
                var j = i - 1
                while j >= 0 && v[j] > x {
                    v[j + 1] = v[j]
                    j -= 1
                }
                v[j + 1] = x
                i += 1
            }
            return UnsafeBufferPointer(start: v, count: n)
        }
    }

    /// Records where segment `p + t·r` (t ∈ [0,1]), edge `edgeR`, meets `q + u·s` (u ∈ [0,1]),
    /// edge `edgeS` of the other polygon.
    private static func contact(
        _ p: Point, _ r: Point, _ q: Point, _ s: Point, _ edgeR: Int, _ edgeS: Int,
        _ cutsR: inout Cuts, _ cutsS: inout Cuts,
        _ sharedR: inout [(edge: Int, overlap: Overlap)], _ sharedS: inout [(edge: Int, overlap: Overlap)]
    ) {
        let rr = dot(r, r), ss = dot(s, s)
        let qp = sub(q, p)
        let denom = cross(r, s)
        let scale = rr.squareRoot() * ss.squareRoot()
        if abs(denom) <= relativeTolerance * scale {
            // parallel: collinear only if q lies on the line of r
            let off = cross(qp, r)
            if abs(off) > relativeTolerance * rr.squareRoot() * max(qp.x.magnitude + qp.y.magnitude, rr.squareRoot()) { return }
            let t0 = dot(qp, r) / rr, t1 = dot(sub(Point(x: q.x + s.x, y: q.y + s.y), p), r) / rr
            let lo = max(0, min(t0, t1)), hi = min(1, max(t0, t1))
            if hi < lo - relativeTolerance { return }
            let same = dot(r, s) > 0
            // the same overlap seen from s
            let pq = sub(p, q)
            let u0 = dot(pq, s) / ss, u1 = dot(sub(Point(x: p.x + r.x, y: p.y + r.y), q), s) / ss
            let ulo = max(0, min(u0, u1)), uhi = min(1, max(u0, u1))
            cutsR.append(edgeR, lo); cutsR.append(edgeR, hi)
            cutsS.append(edgeS, ulo); cutsS.append(edgeS, uhi)
            if hi - lo > relativeTolerance { sharedR.append((edgeR, Overlap(lo: lo, hi: hi, sameDirection: same))) }
            if uhi - ulo > relativeTolerance { sharedS.append((edgeS, Overlap(lo: ulo, hi: uhi, sameDirection: same))) }
            return
        }
        let t = cross(qp, s) / denom
        let u = cross(qp, r) / denom
        let eps = relativeTolerance
        if t >= -eps && t <= 1 + eps && u >= -eps && u <= 1 + eps {
            cutsR.append(edgeR, min(max(t, 0), 1))
            cutsS.append(edgeS, min(max(u, 0), 1))
        }
    }

    /// Twice the signed area contributed by the pieces of `poly`'s edges inside `other`.
    private static func boundaryInside(
        _ poly: UnsafePointer<Point>, _ n: Int, _ cuts: Cuts, _ shared: [(edge: Int, overlap: Overlap)],
        other: UnsafePointer<Point>, _ otherCount: Int, keepSameDirection: Bool
    ) -> Double {
        var twice = 0.0
        for i in 0..<n {
            let p = poly[i], q = poly[(i + 1) % n]
            let r = sub(q, p)
            let ts = cuts.sorted(i)
            var k = 0
            while k + 1 < ts.count {
                let t0 = ts[k], t1 = ts[k + 1]
                k += 1
                if t1 - t0 <= relativeTolerance { continue }
                let tm = (t0 + t1) / 2
                let include: Bool
                if let o = shared.first(where: { $0.edge == i && $0.overlap.lo <= tm && tm <= $0.overlap.hi })?.overlap {
                    include = o.sameDirection && keepSameDirection
                } else {
                    include = contains(other, otherCount, Point(x: p.x + tm * r.x, y: p.y + tm * r.y))
                }
                if include {
                    let a = t0 == 0 ? p : Point(x: p.x + t0 * r.x, y: p.y + t0 * r.y)
                    let b = t1 == 1 ? q : Point(x: p.x + t1 * r.x, y: p.y + t1 * r.y)
                    twice += a.x * b.y - b.x * a.y
                }
            }
        }
        return twice
    }

    /// Even–odd point-in-polygon test (crossing number).
    private static func contains(_ poly: UnsafePointer<Point>, _ count: Int, _ m: Point) -> Bool {
        var inside = false
        var j = count - 1
        for i in 0..<count {
            let a = poly[i], b = poly[j]
            if (a.y > m.y) != (b.y > m.y) {
                let x = a.x + (m.y - a.y) * (b.x - a.x) / (b.y - a.y)
                if m.x < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}
