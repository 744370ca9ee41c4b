import Foundation
import Grading
import GroundworkMetrics

// The families beyond boxes, transcripts and NER, each read from the dataset file
// `scripts/metrics-bench/families.py` writes (loading and conversion into Metrics' input types
// are not timed), scored with one timed closure, and compared with the reference result.

/// A family task: how to load it, run it once (timed) and compare its result.
struct FamilyTask: Sendable {
    let name: String
    let groundwork: String
    /// Loads the dataset and returns the timed scoring and the comparison of its result.
    let prepare: @Sendable (URL) throws -> (run: () throws -> Any, compare: (Any, JSONValue, inout Agreement) -> Void)
}

/// Reads a dataset file as `T` (not timed).
private func load<T: Decodable>(_ folder: URL, _ name: String, as type: T.Type = T.self) throws -> T {
    try Datasets.decode(T.self, folder, name)
}

/// NaN is written as JSON null by the reference side.
private func orNil(_ x: Double) -> Double? { x.isNaN ? nil : x }

private func compareTriple(_ a: inout Agreement, _ what: String, _ ours: PrecisionRecallF1, _ ref: JSONValue?) {
    a.real("\(what) precision", ours.precision, ref?["precision"])
    a.real("\(what) recall", ours.recall, ref?["recall"])
    a.real("\(what) F1", ours.f1, ref?["f1"])
}

private func compareList(_ a: inout Agreement, _ what: String, _ ours: [Double], _ ref: JSONValue?) {
    guard let list = ref?.array, list.count == ours.count else {
        a.fail("\(what): reference list missing or of another length")
        return
    }
    for (i, (x, r)) in zip(ours, list).enumerated() { a.real("\(what)[\(i)]", orNil(x), r) }
}

// MARK: - Classification, ordinal, multi-label

private struct LabelPairs: Decodable {
    let labels: [String]
    let gold: [String]
    let predicted: [String]
}

private struct RaterPairs: Decodable {
    let labels: [String]
    let a: [String]
    let b: [String]
}

private struct LabelSets: Decodable {
    let labels: [String]
    let gold: [[String]]
    let predicted: [[String]]
}

let classificationTask = FamilyTask(name: "classification", groundwork: "ClassificationReport") { folder in
    let d = try load(folder, "classification.json", as: LabelPairs.self)
    return (
        { try ClassificationReport(gold: d.gold, predicted: d.predicted, labels: d.labels) },
        { result, ref, a in
            let r = result as! ClassificationReport<String>
            a.real("accuracy", r.accuracy, ref["accuracy"])
            for (i, row) in r.confusionMatrix.enumerated() {
                for (j, v) in row.enumerated() { a.count("confusion[\(i)][\(j)]", v, ref["confusion"]?.array?[i].array?[j]) }
            }
            let per = ref["per_class"]?.array ?? []
            if per.count != r.perClass.count { a.fail("per-class lists differ in length") }
            for (ours, theirs) in zip(r.perClass, per) {
                a.same("label", ours.label, theirs["label"])
                compareTriple(&a, ours.label, PrecisionRecallF1(precision: ours.precision, recall: ours.recall, f1: ours.f1), theirs)
                a.count("\(ours.label) support", ours.support, theirs["support"])
            }
            compareTriple(&a, "macro", r.macro, ref["macro"])
            compareTriple(&a, "micro", r.micro, ref["micro"])
            compareTriple(&a, "weighted", r.weighted, ref["weighted"])
        }
    )
}

let ordinalTask = FamilyTask(name: "ordinal", groundwork: "GroundworkMetrics.Agreement.cohenKappa × 3") { folder in
    let d = try load(folder, "ordinal.json", as: RaterPairs.self)
    return (
        {
            try [KappaWeighting.unweighted, .linear, .quadratic].map {
                try GroundworkMetrics.Agreement.cohenKappa(d.a, d.b, labels: d.labels, weighting: $0)
            }
        },
        { result, ref, a in
            let k = result as! [Double]
            for (name, v) in zip(["none", "linear", "quadratic"], k) { a.real("kappa \(name)", orNil(v), ref[name]) }
        }
    )
}

let multiLabelTask = FamilyTask(name: "multilabel", groundwork: "Classification.multiLabel") { folder in
    let d = try load(folder, "multilabel.json", as: LabelSets.self)
    let gold = d.gold.map(Set.init), predicted = d.predicted.map(Set.init)
    return (
        { try Classification.multiLabel(gold: gold, predicted: predicted, labels: d.labels) },
        { result, ref, a in
            let s = result as! MultiLabelScores
            a.real("jaccard", s.jaccard, ref["jaccard"])
            a.real("exact match", s.exactMatch, ref["exact_match"])
            a.real("Hamming loss", s.hammingLoss, ref["hamming_loss"])
        }
    )
}

// MARK: - Agreement

private struct AgreementFile: Decodable {
    let categories: Int
    let ratings: [[Int]]
    let data: [[Double?]]
}

let fleissTask = FamilyTask(name: "fleiss", groundwork: "GroundworkMetrics.Agreement.fleissKappa(ratings:)") { folder in
    let d = try load(folder, "agreement.json", as: AgreementFile.self)
    let categories = Array(0..<d.categories)
    return (
        { try GroundworkMetrics.Agreement.fleissKappa(ratings: d.ratings, categories: categories) },
        { result, ref, a in a.real("Fleiss' kappa", orNil(result as! Double), ref["kappa"]) }
    )
}

let krippendorffTask = FamilyTask(name: "krippendorff", groundwork: "GroundworkMetrics.Agreement.krippendorffAlpha × 3") { folder in
    let d = try load(folder, "agreement.json", as: AgreementFile.self)
    return (
        {
            try [MeasurementLevel.nominal, .ordinal, .interval].map { try GroundworkMetrics.Agreement.krippendorffAlpha(d.data, level: $0) }
        },
        { result, ref, a in
            for (name, v) in zip(["nominal", "ordinal", "interval"], result as! [Double]) {
                a.real("alpha \(name)", orNil(v), ref[name])
            }
        }
    )
}

// MARK: - Item analysis

private struct ScoresFile: Decodable {
    let scores: [[Double]]
}

// The reference gets a numpy array (one contiguous block, built untimed), so Groundwork gets
// the same: the rows flattened untimed, scored through the flat entry point.
let itemsTask = FamilyTask(name: "items", groundwork: "ItemStatistics.analyze(flat:items:)") { folder in
    let d = try load(folder, "items.json", as: ScoresFile.self)
    let flat = d.scores.flatMap { $0 }, items = d.scores.first?.count ?? 0
    return (
        { try ItemStatistics.analyze(flat: flat, items: items) },
        { result, ref, a in
            let r = result as! ItemAnalysis
            compareList(&a, "facility", r.facility, ref["facility"])
            compareList(&a, "corrected item-total", r.correctedItemTotal, ref["corrected_item_total"])
            compareList(&a, "item-total", r.itemTotal, ref["item_total"])
            compareList(&a, "discrimination", r.discrimination, ref["discrimination"])
            a.count("group size", r.groupSize, ref["group_size"])
            a.real("Cronbach's alpha", r.cronbachAlpha, ref["cronbach_alpha"])
            a.real("KR-20", r.kr20, ref["kr20"])
        }
    )
}

// MARK: - Keypoints and polygons

/// Totals of per-image matchings, compared with the reference's `_match_result`.
struct MatchTotals {
    var tp: [Int] = []
    var matched: [Double] = []
    var wrongLabel = 0, lowOverlap = 0

    mutating func add(_ r: MatchResult) {
        var sum = 0.0
        for v in r.gold {
            switch v {
            case .matched(_, let s): sum += s
            case .wrongLabel: wrongLabel += 1
            case .lowOverlap: lowOverlap += 1
            case .missing, .extra: break
            }
        }
        tp.append(r.truePositives)
        matched.append(sum)
    }

    func compare(_ ref: JSONValue, _ a: inout Agreement) {
        a.count("images", tp.count, ref["images"])
        a.count("TP", tp.reduce(0, +), ref["tp"])
        a.count("wrong-label pairs", wrongLabel, ref["wrong_label"])
        a.count("low-overlap pairs", lowOverlap, ref["low_overlap"])
        a.real("matched similarity total", matched.reduce(0, +), ref["matched_total"])
        guard let rtp = ref["per_image_tp"]?.array, let rsum = ref["per_image_matched"]?.array,
            rtp.count == tp.count, rsum.count == tp.count
        else { return a.fail("per-image reference lists missing or of another length") }
        let badTP = tp.indices.filter { rtp[$0].int != tp[$0] }
        let badSum = tp.indices.filter { i in
            let r = rsum[i].double ?? .nan
            return !(abs(r - matched[i]) <= Agreement.tolerance * max(1, abs(r)))
        }
        if !badTP.isEmpty { a.fail("per-image TP differs on \(badTP.count) images, first: \(firstFew(badTP))") }
        if !badSum.isEmpty { a.fail("per-image matched similarity differs on \(badSum.count) images, first: \(firstFew(badSum))") }
    }
}

private struct KeypointFile: Decodable {
    struct Gold: Decodable {
        let keypoints: [Double]
        let bbox: [Double]
        let area: Double
    }
    struct Image: Decodable {
        let g: [Gold]
        let p: [[Double]]
    }
    let threshold: Double
    let sigmas: [Double]
    let images: [Image]
}

private func keypoints(_ flat: [Double]) -> [Keypoint] {
    stride(from: 0, to: flat.count - 2, by: 3).map { Keypoint(x: flat[$0], y: flat[$0 + 1], visibility: Int(flat[$0 + 2])) }
}

let keypointsTask = FamilyTask(name: "keypoints", groundwork: "Keypoints.match") { folder in
    let d = try load(folder, "keypoints.json", as: KeypointFile.self)
    let gold = try d.images.map { im in
        try im.g.map { g in
            KeypointObject(
                keypoints: keypoints(g.keypoints), area: g.area,
                box: try Box(x: g.bbox[0], y: g.bbox[1], width: g.bbox[2], height: g.bbox[3]), label: "person")
        }
    }
    let predicted = d.images.map { im in im.p.map { (keypoints: keypoints($0), label: "person") } }
    return (
        {
            var t = MatchTotals()
            for i in gold.indices {
                t.add(try Keypoints.match(gold: gold[i], predicted: predicted[i], sigmas: d.sigmas, threshold: d.threshold))
            }
            return t
        },
        { result, ref, a in (result as! MatchTotals).compare(ref, &a) }
    )
}

/// One `[[[x, y], …], label]` polygon row.
private struct PolygonRow: Decodable {
    let points: [[Double]]
    let label: String

    init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        points = try c.decode([[Double]].self)
        label = try c.decode(String.self)
    }

    func labeled() throws -> LabeledPolygon<String> {
        LabeledPolygon(try Polygon(points.map { ($0[0], $0[1]) }), label: label)
    }
}

private struct PolygonFile: Decodable {
    struct Image: Decodable {
        let g: [PolygonRow]
        let p: [PolygonRow]
    }
    let threshold: Double
    let images: [Image]
}

let polygonsTask = FamilyTask(name: "polygons", groundwork: "PolygonGeometry.match") { folder in
    let d = try load(folder, "polygons.json", as: PolygonFile.self)
    let gold = try d.images.map { try $0.g.map { try $0.labeled() } }
    let predicted = try d.images.map { try $0.p.map { try $0.labeled() } }
    return (
        {
            var t = MatchTotals()
            for i in gold.indices { t.add(try PolygonGeometry.match(gold: gold[i], predicted: predicted[i], threshold: d.threshold)) }
            return t
        },
        { result, ref, a in (result as! MatchTotals).compare(ref, &a) }
    )
}

// MARK: - Ranking

private struct RankingFile: Decodable {
    struct List: Decodable {
        let gold: [Double]
        let answer: [Double]
    }
    let lists: [List]
}

let rankingTask = FamilyTask(name: "ranking", groundwork: "Ranking.kendallTauB + spearmanRho + ndcg") { folder in
    let d = try load(folder, "ranking.json", as: RankingFile.self)
    return (
        {
            var tau: [Double] = [], rho: [Double] = [], ndcg: [Double] = []
            for l in d.lists {
                tau.append(try Ranking.kendallTauB(l.gold, l.answer))
                rho.append(try Ranking.spearmanRho(l.gold, l.answer))
                ndcg.append(try Ranking.ndcg(relevance: l.gold, scores: l.answer))
            }
            return [tau, rho, ndcg]
        },
        { result, ref, a in
            let r = result as! [[Double]]
            compareList(&a, "Kendall tau-b", r[0], ref["kendall_tau_b"])
            compareList(&a, "Spearman rho", r[1], ref["spearman_rho"])
            compareList(&a, "NDCG", r[2], ref["ndcg"])
        }
    )
}

let familyTasks = [
    classificationTask, multiLabelTask, ordinalTask, fleissTask, krippendorffTask, itemsTask, keypointsTask, polygonsTask,
    rankingTask,
]
