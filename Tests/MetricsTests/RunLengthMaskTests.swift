import GroundworkMetrics
import TestSupport
import Testing

/// Flat COCO coordinates `[x1, y1, x2, y2, …]` as points.
func points(_ flat: [Double]) -> [Point] {
    stride(from: 0, to: flat.count - 1, by: 2).map { Point(x: flat[$0], y: flat[$0 + 1]) }
}

struct MaskCase: NamedCase {
    struct Expected: Decodable, Sendable {
        let parts: [String]
        let counts: String
        let decoded: [UInt32]
        let area: Int
        let bbox: [Double]
    }
    let name: String
    let height: Int, width: Int
    let polygons: [[Double]]
    let expected: Expected
}

struct UncompressedCase: NamedCase {
    struct Expected: Decodable, Sendable { let compressed: String; let area: Int }
    let name: String
    let height: Int, width: Int
    let counts: [UInt32]
    let expected: Expected
}

struct MaskIoUCase: NamedCase {
    let name: String
    let height: Int, width: Int
    let detections: [[[Double]]]
    let gold: [[[Double]]]
    let crowd: [Bool]
    let expected: [[Double]]
}

struct RunLengthMaskTests {
    @Test("polygons rasterise to pycocotools' exact run lengths", arguments: try Fixtures.cases("coco_masks.json", as: MaskCase.self))
    func polygonsMatchPycocotools(_ c: MaskCase) throws {
        for (part, expected) in zip(c.polygons, c.expected.parts) {
            let mask = try RunLengthMask(polygon: points(part), height: c.height, width: c.width)
            #expect(mask.compressed == expected)
        }
        let merged = try RunLengthMask(polygons: c.polygons.map(points), height: c.height, width: c.width)
        #expect(merged.compressed == c.expected.counts)
        #expect(merged.counts == c.expected.decoded)
        #expect(merged.area == c.expected.area)
        #expect(merged.boundingBox == c.expected.bbox)
        let read = try RunLengthMask(compressed: c.expected.counts, height: c.height, width: c.width)
        #expect(read == merged)
    }

    @Test(
        "uncompressed RLE reads as pycocotools' frPyObjects reads it",
        arguments: try Fixtures.cases("coco_uncompressed_rle.json", as: UncompressedCase.self))
    func uncompressedMatchesPycocotools(_ c: UncompressedCase) throws {
        let mask = try RunLengthMask(height: c.height, width: c.width, counts: c.counts)
        #expect(mask.compressed == c.expected.compressed)
        #expect(mask.area == c.expected.area)
        #expect(try RunLengthMask(compressed: c.expected.compressed, height: c.height, width: c.width) == mask)
    }

    @Test("mask IoU matches pycocotools' maskUtils.iou", arguments: try Fixtures.cases("coco_mask_iou.json", as: MaskIoUCase.self))
    func iouMatchesPycocotools(_ c: MaskIoUCase) throws {
        let mask = { (parts: [[Double]]) throws in try RunLengthMask(polygons: parts.map(points), height: c.height, width: c.width) }
        let detections = try c.detections.map(mask), gold = try c.gold.map(mask)
        for (d, row) in zip(detections, c.expected) {
            for (g, expected) in row.enumerated() {
                expectClose(RunLengthMask.iou(d, gold[g], crowd: c.crowd[g]), expected, "IoU with gold \(g)")
            }
        }
    }

    @Test("any mask reads back from its compressed counts, and damaged counts are refused, never a crash")
    func compressedRoundTrip() throws {
        var generator = SplitMix64(seed: 12)
        for _ in 0..<300 {
            let height = Int(generator.next() % 60) + 1, width = Int(generator.next() % 60) + 1
            var left = height * width, counts: [UInt32] = []
            while left > 0 {
                let run = min(left, Int(generator.next() % UInt64(generator.next() % 2 == 0 ? 4 : 400)))
                counts.append(UInt32(run))
                left -= run
            }
            let mask = try RunLengthMask(height: height, width: width, counts: counts)
            #expect(try RunLengthMask(compressed: mask.compressed, height: height, width: width) == mask)
            var damaged = Array(mask.compressed.utf8)
            damaged[Int(generator.next() % UInt64(damaged.count))] = UInt8(48 + generator.next() % 64)
            // A damaged string is refused, or it is another valid mask: it never traps.
            if let other = try? RunLengthMask(compressed: String(decoding: damaged, as: UTF8.self), height: height, width: width) {
                #expect(other.counts.reduce(0) { $0 + Int($1) } == height * width)
            }
        }
    }

    @Test("masks of different sizes that overlap give -1, as pycocotools")
    func differentSizes() throws {
        let a = try RunLengthMask(height: 2, width: 2, counts: [0, 4])
        let b = try RunLengthMask(height: 3, width: 3, counts: [0, 9])
        #expect(RunLengthMask.iou(a, b, crowd: false) == -1)
        #expect(throws: MetricsError.self) { try RunLengthMask.union([a, b]) }
    }

    @Test("bad masks and outlines are refused with a message")
    func badInput() {
        #expect(throws: MetricsError.self) { try RunLengthMask(height: 2, width: 2, counts: [1, 2]) }
        #expect(throws: MetricsError.self) { try RunLengthMask(height: 0, width: 2, counts: []) }
        #expect(throws: MetricsError.self) { try RunLengthMask(height: 1 << 15, width: 1 << 15, counts: [1 << 30]) }
        #expect(throws: MetricsError.self) { try RunLengthMask(compressed: "3!", height: 2, width: 2) }
        #expect(throws: MetricsError.self) { try RunLengthMask(compressed: "3h", height: 2, width: 2) }
        #expect(throws: MetricsError.self) { try RunLengthMask(compressed: "5", height: 2, width: 2) }
        #expect(throws: MetricsError.self) { try RunLengthMask(polygon: [], height: 5, width: 5) }
        #expect(throws: MetricsError.self) {
            try RunLengthMask(polygon: points([0, 0, .infinity, 0, 1, 1]), height: 5, width: 5)
        }
        #expect(throws: MetricsError.self) { try RunLengthMask(polygon: points([0, 0, 2e6, 0, 1, 1]), height: 5, width: 5) }
        #expect(throws: MetricsError.self) { try RunLengthMask(polygons: [points([0, 0, 3, 3])], height: 5, width: 5) }
        let zigzag = (0..<20).flatMap { i in [Double(i % 2) * 999_999, Double(i)] }
        #expect(throws: MetricsError.self) { try RunLengthMask(polygon: points(zigzag), height: 5, width: 5) }
        #expect(throws: MetricsError.self) { try RunLengthMask(polygons: [], height: 5, width: 5) }
    }
}
