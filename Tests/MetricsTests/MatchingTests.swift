import GroundworkMetrics
import TestSupport
import Testing

/// Expected values from the scipy re-implementation of the three-phase matcher.
struct MatchExpectation: Decodable, Sendable {
    let tp: Int, fp: Int, fn: Int
    let precision: Double, recall: Double, f1: Double
    let mean_matched_iou: Double?
    let matched_total: Double
    let wrong_label_count: Int, wrong_label_total: Double
    let low_overlap_count: Int, low_overlap_total: Double
    let missing: Int, extra: Int
}

/// A fixture object: numbers followed by a label string.
struct LabeledValues: Decodable, Sendable {
    let values: [Double]
    let label: String
    init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        var values: [Double] = []
        var label = ""
        while !c.isAtEnd {
            if let d = try? c.decode(Double.self) { values.append(d) } else { label = try c.decode(String.self) }
        }
        self.values = values
        self.label = label
    }
}

struct MatchingCase: NamedCase {
    let name: String
    let threshold: Double
    let gold: [LabeledValues], predicted: [LabeledValues]
    let iou: [[Double]]
    let expected: MatchExpectation
}

func checkMatch(_ r: MatchResult, _ e: MatchExpectation) {
    #expect(r.truePositives == e.tp)
    #expect(r.falsePositives == e.fp)
    #expect(r.falseNegatives == e.fn)
    expectClose(r.precision, e.precision, "precision")
    expectClose(r.recall, e.recall, "recall")
    expectClose(r.f1, e.f1, "f1")
    if let m = e.mean_matched_iou {
        expectClose(r.meanMatchedSimilarity ?? .nan, m, "mean matched IoU")
    } else {
        #expect(r.meanMatchedSimilarity == nil)
    }
    var matched = 0.0, wrong = 0.0, low = 0.0
    var wrongCount = 0, lowCount = 0
    for v in r.gold {
        switch v {
        case let .matched(_, s): matched += s
        case let .wrongLabel(_, s): wrong += s; wrongCount += 1
        case let .lowOverlap(_, s): low += s; lowCount += 1
        case .missing, .extra: break
        }
    }
    expectClose(matched, e.matched_total, "matched total")
    expectClose(wrong, e.wrong_label_total, "wrong-label total")
    expectClose(low, e.low_overlap_total, "low-overlap total")
    #expect(wrongCount == e.wrong_label_count)
    #expect(lowCount == e.low_overlap_count)
    #expect(r.gold.filter { $0 == .missing }.count == e.missing)
    #expect(r.predicted.filter { $0 == .extra }.count == e.extra)
    // verdicts are symmetric
    for (g, v) in r.gold.enumerated() {
        switch v {
        case let .matched(p, s): #expect(r.predicted[p] == .matched(partner: g, similarity: s))
        case let .wrongLabel(p, s): #expect(r.predicted[p] == .wrongLabel(partner: g, similarity: s))
        case let .lowOverlap(p, s): #expect(r.predicted[p] == .lowOverlap(partner: g, similarity: s))
        case .missing, .extra: break
        }
    }
}

struct MatchingTests {
    @Test("box matching agrees with the scipy reference matcher", arguments: try Fixtures.cases("box_matching.json", as: MatchingCase.self))
    func boxMatching(_ c: MatchingCase) throws {
        let gold = try c.gold.map { LabeledBox(try box($0.values), label: $0.label) }
        let pred = try c.predicted.map { LabeledBox(try box($0.values), label: $0.label) }
        for (i, g) in gold.enumerated() {
            for (j, p) in pred.enumerated() { expectClose(BoxGeometry.iou(g.box, p.box), c.iou[i][j], "iou[\(i)][\(j)]") }
        }
        checkMatch(try BoxGeometry.match(gold: gold, predicted: pred, threshold: c.threshold), c.expected)
    }

    @Test(
        "time segment matching agrees with the scipy reference matcher",
        arguments: try Fixtures.cases("segment_matching.json", as: MatchingCase.self))
    func segmentMatching(_ c: MatchingCase) throws {
        let gold = try c.gold.map { try TimeSegment(start: $0.values[0], end: $0.values[1], label: $0.label) }
        let pred = try c.predicted.map { try TimeSegment(start: $0.values[0], end: $0.values[1], label: $0.label) }
        for (i, g) in gold.enumerated() {
            for (j, p) in pred.enumerated() { expectClose(TimeSegments.iou(g, p), c.iou[i][j], "iou[\(i)][\(j)]") }
        }
        checkMatch(try TimeSegments.match(gold: gold, predicted: pred, threshold: c.threshold), c.expected)
    }

    @Test("verdicts: matched, wrong label, low overlap, missing, extra")
    func verdicts() throws {
        let gold = [
            LabeledBox(try Box(minX: 0, minY: 0, maxX: 10, maxY: 10), label: "car"),
            LabeledBox(try Box(minX: 20, minY: 0, maxX: 30, maxY: 10), label: "car"),
            LabeledBox(try Box(minX: 40, minY: 0, maxX: 50, maxY: 10), label: "car"),
            LabeledBox(try Box(minX: 60, minY: 0, maxX: 70, maxY: 10), label: "car"),
        ]
        let pred = [
            LabeledBox(try Box(minX: 0, minY: 0, maxX: 10, maxY: 10), label: "car"),
            LabeledBox(try Box(minX: 20, minY: 0, maxX: 30, maxY: 10), label: "bus"),
            LabeledBox(try Box(minX: 45, minY: 0, maxX: 55, maxY: 10), label: "car"),
            LabeledBox(try Box(minX: 90, minY: 0, maxX: 99, maxY: 10), label: "car"),
        ]
        let r = try BoxGeometry.match(gold: gold, predicted: pred, threshold: 0.5)
        #expect(
            r.gold == [
                .matched(partner: 0, similarity: 1), .wrongLabel(partner: 1, similarity: 1),
                .lowOverlap(partner: 2, similarity: 1.0 / 3.0), .missing,
            ])
        #expect(r.predicted[3] == .extra)
        #expect(r.truePositives == 1 && r.falsePositives == 3 && r.falseNegatives == 3)
    }

    @Test("both empty gives the zero_division=0 scores")
    func bothEmpty() throws {
        let r = try BoxGeometry.match(gold: [LabeledBox<String>](), predicted: [])
        #expect(r.precision == 0 && r.recall == 0 && r.f1 == 0 && r.meanMatchedSimilarity == nil)
    }

    @Test("the generic matcher rejects bad similarities and thresholds")
    func genericMatcherValidation() {
        #expect(throws: MetricsError.self) {
            try ObjectMatching.match(similarity: [[1.5]], goldLabels: ["a"], predictedLabels: ["a"], threshold: 0.5)
        }
        #expect(throws: MetricsError.self) {
            try ObjectMatching.match(similarity: [[Double.nan]], goldLabels: ["a"], predictedLabels: ["a"], threshold: 0.5)
        }
        #expect(throws: MetricsError.self) {
            try ObjectMatching.match(similarity: [[0.5]], goldLabels: ["a"], predictedLabels: ["a"], threshold: 0)
        }
        #expect(throws: MetricsError.self) {
            try ObjectMatching.match(similarity: [[0.5, 0.2]], goldLabels: ["a"], predictedLabels: ["a"], threshold: 0.5)
        }
        #expect(throws: MetricsError.self) { try TimeSegment(start: 2, end: 1, label: "x") }
    }

    @Test("polygons match through the same matcher")
    func polygonMatching() throws {
        let square = try Polygon([(0, 0), (4, 0), (4, 4), (0, 4)])
        let shifted = try Polygon([(1, 0), (5, 0), (5, 4), (1, 4)])
        let r = try PolygonGeometry.match(
            gold: [LabeledPolygon(square, label: 1)], predicted: [LabeledPolygon(shifted, label: 1)], threshold: 0.5)
        #expect(r.gold == [.matched(partner: 0, similarity: 0.6)])
    }
    @Test("phase 1 pairs as many objects as any assignment can, with the largest total (brute force, ties and gaps)")
    func firstPhaseIsOptimal() throws {
        // few distinct similarities, so ties, zeros and several equally good partners are common
        let values = [0, 0, 0.2, 0.5, 0.5, 0.7, 0.9, 1]
        var rng = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let n = rng.int(6), m = rng.int(6)
            let s = (0..<n).map { _ in (0..<m).map { _ in values[rng.int(values.count)] } }
            let gold = (0..<n).map { _ in ["a", "b"][rng.int(2)] }, pred = (0..<m).map { _ in ["a", "b"][rng.int(2)] }
            let r = try ObjectMatching.match(similarity: s, goldLabels: gold, predictedLabels: pred, threshold: 0.5)
            let best = bestAssignment(n, m) { i, j in gold[i] == pred[j] && s[i][j] >= 0.5 ? s[i][j] : nil }
            #expect(r.truePositives == best.pairs, "\(s) \(gold) \(pred)")
            var total = 0.0
            for v in r.gold { if case .matched(_, let x) = v { total += x } }
            expectClose(total, best.total, "matched total")
        }
    }
}

/// The most pairs, then the largest total, over every one-to-one assignment of the pairs
/// `weight` allows (nil: not allowed), by trying them all.
private func bestAssignment(_ n: Int, _ m: Int, _ weight: (Int, Int) -> Double?) -> (pairs: Int, total: Double) {
    var best = (pairs: 0, total: 0.0)
    var used = [Bool](repeating: false, count: m)
    func search(_ i: Int, _ pairs: Int, _ total: Double) {
        if i == n {
            if pairs > best.pairs || (pairs == best.pairs && total > best.total + 1e-12) { best = (pairs, total) }
            return
        }
        search(i + 1, pairs, total)
        for j in 0..<m where !used[j] {
            guard let w = weight(i, j) else { continue }
            used[j] = true
            search(i + 1, pairs + 1, total + w)
            used[j] = false
        }
    }
    search(0, 0, 0)
    return best
}
