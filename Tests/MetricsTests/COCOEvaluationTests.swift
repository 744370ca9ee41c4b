import GroundworkMetrics
import Testing

struct COCOCase: NamedCase {
    struct Gold: Decodable, Sendable { let image: Int; let category: Int; let box: [Double]; let area: Double?; let crowd: Bool }
    struct Detection: Decodable, Sendable { let image: Int; let category: Int; let box: [Double]; let score: Double }
    struct PerCategory: Decodable, Sendable { let category: Int; let ap: Double; let ap50: Double; let ap_small: Double }
    struct Expected: Decodable, Sendable {
        let stats: [Double]
        let per_category: [PerCategory]
        let iou_thresholds: [Double]
        let recall_thresholds: [Double]
    }
    let name: String
    let images: [Int], categories: [Int]
    let gold: [Gold]
    let detections: [Detection]
    let expected: Expected
}

struct COCOKeypointCase: NamedCase {
    struct Gold: Decodable, Sendable {
        let image: Int, category: Int, keypoints: [Double], box: [Double], area: Double, crowd: Bool
    }
    struct Detection: Decodable, Sendable { let image: Int; let category: Int; let keypoints: [Double]; let score: Double }
    struct Expected: Decodable, Sendable { let stats: [Double] }
    let name: String
    let images: [Int], categories: [Int]
    let sigmas: [Double]
    let gold: [Gold]
    let detections: [Detection]
    let expected: Expected
}

/// pycocotools writes −1 where we write NaN.
private func cocoValue(_ v: Double) -> Double { v == -1 ? .nan : v }

struct COCOEvaluationTests {
    @Test("COCO mAP matches pycocotools COCOeval", arguments: try Fixtures.cases("coco_map.json", as: COCOCase.self))
    func matchesPycocotools(_ c: COCOCase) throws {
        let box = { (b: [Double]) throws in try Box(x: b[0], y: b[1], width: b[2], height: b[3]) }
        let result = try COCOEvaluation.evaluate(
            images: c.images, categories: c.categories,
            gold: c.gold.map { try COCOGold(image: $0.image, label: $0.category, box: box($0.box), area: $0.area, isCrowd: $0.crowd) },
            detections: c.detections.map { try COCODetection(image: $0.image, label: $0.category, box: box($0.box), score: $0.score) })
        expectClose(result.stats, c.expected.stats.map(cocoValue), "stats")
        for e in c.expected.per_category {
            expectClose(result.averagePrecision(category: e.category), cocoValue(e.ap), "AP of \(e.category)")
            expectClose(result.averagePrecision(iou: 0.5, category: e.category), cocoValue(e.ap50), "AP50 of \(e.category)")
            expectClose(result.averagePrecision(category: e.category, area: .small), cocoValue(e.ap_small), "AP small of \(e.category)")
        }
        #expect(COCOResult<Int>.iouThresholds == c.expected.iou_thresholds)
    }

    @Test(
        "COCO keypoint mAP matches pycocotools COCOeval",
        arguments: try Fixtures.cases("coco_keypoints_map.json", as: COCOKeypointCase.self))
    func keypointsMatchPycocotools(_ c: COCOKeypointCase) throws {
        let gold = try c.gold.map {
            let box = try Box(x: $0.box[0], y: $0.box[1], width: $0.box[2], height: $0.box[3])
            let object = KeypointObject(keypoints: keypoints($0.keypoints), area: $0.area, box: box, label: $0.category)
            return COCOKeypointGold(image: $0.image, object: object, isCrowd: $0.crowd)
        }
        let detections = c.detections.map {
            COCOKeypointDetection(image: $0.image, label: $0.category, keypoints: keypoints($0.keypoints), score: $0.score)
        }
        let result = try COCOEvaluation.evaluateKeypoints(
            images: c.images, categories: c.categories, gold: gold, detections: detections, sigmas: c.sigmas)
        expectClose(result.stats, c.expected.stats.map(cocoValue), "stats")
        #expect(result.averagePrecision(area: .small).isNaN)
    }

    @Test("no detections at all score 0 where there is gold")
    func noDetections() throws {
        let gold = [COCOGold(image: 1, label: "car", box: try Box(x: 0, y: 0, width: 50, height: 50))]
        let result = try COCOEvaluation.evaluate(images: [1], categories: ["car"], gold: gold, detections: [])
        #expect(result.averagePrecision() == 0)
        #expect(result.averageRecall() == 0)
        #expect(result.averagePrecision(area: .small).isNaN)
    }

    @Test("objects outside the image set or categories are refused")
    func badInput() throws {
        let b = try Box(x: 0, y: 0, width: 5, height: 5)
        #expect(throws: MetricsError.self) {
            try COCOEvaluation.evaluate(images: [1], categories: ["a"], gold: [COCOGold(image: 2, label: "a", box: b)], detections: [])
        }
        #expect(throws: MetricsError.self) {
            try COCOEvaluation.evaluate(
                images: [1], categories: ["a"], gold: [], detections: [COCODetection(image: 1, label: "b", box: b, score: 1)])
        }
        #expect(throws: MetricsError.self) {
            try COCOEvaluation.evaluate(
                images: [1], categories: ["a"], gold: [], detections: [COCODetection(image: 1, label: "a", box: b, score: .nan)])
        }
        #expect(throws: MetricsError.self) { try COCOEvaluation.evaluate(images: [1], categories: [String](), gold: [], detections: []) }
    }
}

struct COCOSegmentationCase: NamedCase {
    struct Image: Decodable, Sendable { let id: Int; let height: Int; let width: Int }
    struct Gold: Decodable, Sendable {
        let image: Int, category: Int
        let polygons: [[Double]]?
        let counts: [UInt32]?
        let area: Double
        let crowd: Bool
    }
    struct Detection: Decodable, Sendable {
        let image: Int, category: Int
        let polygons: [[Double]]
        let compressed: String
        let score: Double
    }
    let name: String
    let images: [Image]
    let categories: [Int]
    let gold: [Gold]
    struct Expected: Decodable, Sendable { let stats: [Double]; let per_category: [COCOCase.PerCategory] }
    let detections: [Detection]
    let expected: Expected
}

struct COCOSegmentationTests {
    @Test(
        "COCO segmentation mAP matches pycocotools COCOeval 'segm'",
        arguments: try Fixtures.cases("coco_segm_map.json", as: COCOSegmentationCase.self))
    func matchesPycocotools(_ c: COCOSegmentationCase) throws {
        let sizes = Dictionary(uniqueKeysWithValues: c.images.map { ($0.id, ($0.height, $0.width)) })
        let gold = try c.gold.map { g in
            let (h, w) = sizes[g.image]!
            let mask =
                try g.counts.map { try RunLengthMask(height: h, width: w, counts: $0) }
                ?? RunLengthMask(polygons: (g.polygons ?? []).map(points), height: h, width: w)
            return COCOMaskGold(image: g.image, label: g.category, mask: mask, area: g.area, isCrowd: g.crowd)
        }
        let detections = try c.detections.map { d in
            let (h, w) = sizes[d.image]!
            let mask = try RunLengthMask(polygons: d.polygons.map(points), height: h, width: w)
            #expect(mask.compressed == d.compressed)
            return COCOMaskDetection(image: d.image, label: d.category, mask: mask, score: d.score)
        }
        let result = try COCOEvaluation.evaluateSegmentation(
            images: c.images.map(\.id), categories: c.categories, gold: gold, detections: detections)
        expectClose(result.stats, c.expected.stats.map(cocoValue), "stats")
        for e in c.expected.per_category {
            expectClose(result.averagePrecision(category: e.category), cocoValue(e.ap), "AP of \(e.category)")
            expectClose(result.averagePrecision(iou: 0.5, category: e.category), cocoValue(e.ap50), "AP50 of \(e.category)")
            expectClose(result.averagePrecision(category: e.category, area: .small), cocoValue(e.ap_small), "AP small of \(e.category)")
        }
    }

    @Test("a detection area given (the results' box) decides the range of an unmatched detection")
    func detectionArea() throws {
        let square = try RunLengthMask(polygon: points([0, 0, 10, 0, 10, 10, 0, 10]), height: 20, width: 20)
        let far = try RunLengthMask(polygon: points([12, 12, 18, 12, 18, 18]), height: 20, width: 20)
        let gold = [COCOMaskGold(image: 1, label: "a", mask: square)]
        let byMask = try COCOEvaluation.evaluateSegmentation(
            images: [1], categories: ["a"], gold: gold,
            detections: [
                COCOMaskDetection(image: 1, label: "a", mask: far, score: 0.9),
                COCOMaskDetection(image: 1, label: "a", mask: square, score: 0.5),
            ])
        let byBox = try COCOEvaluation.evaluateSegmentation(
            images: [1], categories: ["a"], gold: gold,
            detections: [
                COCOMaskDetection(image: 1, label: "a", mask: far, score: 0.9, area: 5000),
                COCOMaskDetection(image: 1, label: "a", mask: square, score: 0.5),
            ])
        // The false positive counts among small objects only while its own area is small.
        #expect(byMask.averagePrecision(area: .small) < 0.6)
        expectClose(byBox.averagePrecision(area: .small), 1, "AP small with the box's area")
    }
}
