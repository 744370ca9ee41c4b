import GroundworkMetrics
import Testing

struct BoxIoUCase: NamedCase {
    let name: String
    let a: [Double], b: [Double]
    let iou: Double
}

struct PolygonCase: NamedCase {
    let name: String
    let a: [[Double]], b: [[Double]]
    let area_a: Double, area_b: Double, intersection: Double, union: Double, iou: Double
}

struct InvalidPolygonCase: NamedCase {
    let name: String
    let polygon: [[Double]]
    let shapely_valid: Bool
}

struct AssignmentCase: NamedCase {
    let name: String
    let rows: Int, columns: Int
    let matrix: [[Double]]
    let max_total: Double
    let assigned_pairs: Int
}

func box(_ v: [Double]) throws -> Box { try Box(minX: v[0], minY: v[1], maxX: v[2], maxY: v[3]) }
func polygon(_ v: [[Double]]) throws -> Polygon { try Polygon(v.map { Point(x: $0[0], y: $0[1]) }) }

struct BoxAndPolygonTests {
    @Test("box IoU matches pycocotools", arguments: try Fixtures.cases("box_iou.json", as: BoxIoUCase.self))
    func boxIoU(_ c: BoxIoUCase) throws {
        let a = try box(c.a), b = try box(c.b)
        expectClose(BoxGeometry.iou(a, b), c.iou, "iou")
        expectClose(BoxGeometry.iou(b, a), c.iou, "iou (swapped)")
    }

    @Test("COCO x/y/width/height boxes and invalid boxes")
    func boxConstruction() throws {
        let b = try Box(x: 1, y: 2, width: 3, height: 4)
        #expect(b.maxX == 4 && b.maxY == 6 && b.area == 12)
        #expect(throws: MetricsError.self) { try Box(x: 0, y: 0, width: -1, height: 1) }
        #expect(throws: MetricsError.self) { try Box(minX: 0, minY: 0, maxX: .nan, maxY: 1) }
        #expect(throws: MetricsError.self) { try Box(minX: 2, minY: 0, maxX: 1, maxY: 1) }
    }

    @Test("polygon intersection and IoU match shapely", arguments: try Fixtures.cases("polygon_iou.json", as: PolygonCase.self))
    func polygonIoU(_ c: PolygonCase) throws {
        let a = try polygon(c.a), b = try polygon(c.b)
        expectClose(a.area, c.area_a, "area a")
        expectClose(b.area, c.area_b, "area b")
        expectClose(PolygonGeometry.intersectionArea(a, b), c.intersection, "intersection")
        expectClose(PolygonGeometry.intersectionArea(b, a), c.intersection, "intersection (swapped)")
        expectClose(PolygonGeometry.iou(a, b), c.iou, "iou")
        expectClose(a.area + b.area - PolygonGeometry.intersectionArea(a, b), c.union, "union")
    }

    @Test(
        "invalid polygons shapely rejects are refused with a typed error",
        arguments: try Fixtures.cases("polygon_invalid.json", as: InvalidPolygonCase.self))
    func invalidPolygon(_ c: InvalidPolygonCase) {
        #expect(!c.shapely_valid)
        #expect(throws: MetricsError.self) { try polygon(c.polygon) }
    }

    @Test("self-intersection errors name the crossing edges")
    func selfIntersectionMessage() {
        do {
            _ = try Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])
            Issue.record("bowtie accepted")
        } catch {
            #expect(error.kind == .invalidPolygon)
            #expect(error.message == "polygon has a self-intersection between edges 0 and 2")
        }
        #expect(throws: MetricsError.self) { try Polygon([(0, 0), (1, .infinity), (1, 0)]) }
    }

    @Test("polygon IoU is invariant under translation, scaling and vertex order")
    func polygonInvariance() throws {
        let a: [(Double, Double)] = [(0, 0), (4, 0), (4, 4), (2, 1), (0, 4)]
        let b: [(Double, Double)] = [(1, -1), (5, 2), (1, 5)]
        let base = PolygonGeometry.iou(try Polygon(a), try Polygon(b))
        let moved = PolygonGeometry.iou(
            try Polygon(a.map { ($0.0 * 1000 + 1e6, $0.1 * 1000 - 3e5) }),
            try Polygon(b.reversed().map { ($0.0 * 1000 + 1e6, $0.1 * 1000 - 3e5) }))
        expectClose(moved, base, "transformed iou")
    }
}

struct AssignmentTests {
    @Test(
        "maximal assignment totals match scipy linear_sum_assignment",
        arguments: try Fixtures.cases("assignment.json", as: AssignmentCase.self))
    func maximize(_ c: AssignmentCase) throws {
        let m = c.rows == 0 ? [] : c.matrix
        let r = try Assignment.maximize(m)
        expectClose(r.total, c.max_total, "total")
        #expect(r.pairs.count == c.assigned_pairs)
        #expect(Set(r.pairs.map(\.row)).count == r.pairs.count)
        #expect(Set(r.pairs.map(\.column)).count == r.pairs.count)
        let recomputed = r.pairs.reduce(0.0) { $0 + c.matrix[$1.row][$1.column] }
        expectClose(recomputed, r.total, "pair sum")
    }

    @Test("minimisation is maximisation of the negated matrix")
    func minimize() throws {
        let m: [[Double]] = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
        let r = try Assignment.minimize(m)
        #expect(r.total == 5)
        #expect(r.pairs == [AssignedPair(row: 0, column: 1), AssignedPair(row: 1, column: 0), AssignedPair(row: 2, column: 2)])
    }

    @Test("ragged and non-finite matrices throw")
    func badMatrices() {
        #expect(throws: MetricsError.self) { try Assignment.maximize([[1, 2], [3]]) }
        #expect(throws: MetricsError.self) { try Assignment.maximize([[1, .nan]]) }
        #expect(throws: MetricsError.self) { try Assignment.maximize([[1, .infinity]]) }
    }

    @Test("a 200 x 300 assignment runs quickly")
    func largeAssignment() throws {
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let m = (0..<200).map { _ in (0..<300).map { _ in next() } }
        let r = try Assignment.maximize(m)
        #expect(r.pairs.count == 200)
        #expect(r.total > 190)
    }
}
