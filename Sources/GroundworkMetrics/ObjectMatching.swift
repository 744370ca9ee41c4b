/// One-to-one matching of gold and predicted objects, the way CVAT's quality control
/// compares annotations, generic over a pairwise similarity (IoU of boxes, polygons or
/// time segments, OKS of keypoint objects, …).
public enum ObjectMatching {}

/// What happened to one gold or predicted object in a ``MatchResult``.
public enum ObjectVerdict: Sendable, Equatable {
    /// Paired with `partner` (an index on the other side), same label, similarity ≥ threshold.
    case matched(partner: Int, similarity: Double)
    /// Paired with `partner`, similarity ≥ threshold but the labels differ.
    case wrongLabel(partner: Int, similarity: Double)
    /// Paired with `partner` (any label) with 0 < similarity < threshold.
    case lowOverlap(partner: Int, similarity: Double)
    /// Gold object with no partner at all.
    case missing
    /// Predicted object with no partner at all.
    case extra
}

/// Result of ``ObjectMatching/match(similarity:goldLabels:predictedLabels:threshold:)``.
public struct MatchResult: Sendable, Equatable {
    /// Pairs with verdict `.matched`.
    public var truePositives: Int
    /// Predictions that are not `.matched` (`predicted.count − truePositives`).
    public var falsePositives: Int
    /// Gold objects that are not `.matched` (`gold.count − truePositives`).
    public var falseNegatives: Int
    /// `TP / predicted.count`, 0 when there are no predictions.
    public var precision: Double
    /// `TP / gold.count`, 0 when there is no gold object.
    public var recall: Double
    /// `2·TP / (gold.count + predicted.count)`, 0 when both are empty (the
    /// zero_division=0 convention; the scorer applies its own rule for "nothing to find").
    public var f1: Double
    /// Mean similarity over `.matched` pairs; `nil` when there is none.
    public var meanMatchedSimilarity: Double?
    /// One verdict per gold object, in input order.
    public var gold: [ObjectVerdict]
    /// One verdict per predicted object, in input order.
    public var predicted: [ObjectVerdict]
}

extension ObjectMatching {
    /// Matches gold objects to predictions in three optimal phases over the objects still
    /// unpaired. Each phase first maximises the **number** of eligible pairs and, among
    /// assignments with that many pairs, the total similarity — what scipy's
    /// `linear_sum_assignment(maximize=True)` returns when ineligible pairs carry a large
    /// penalty. (Maximising the total similarity alone can trade a pair for a higher IoU:
    /// gold 3×10 boxes at x = 0, 1, 2 and answers at x = 1, 2, 3, threshold 0.5, pair all
    /// three at IoU 0.5, where the similarity-only optimum keeps two.)
    ///
    /// 1. **matched** — only pairs with the same label and `similarity ≥ threshold`;
    /// 2. **wrongLabel** — pairs with `similarity ≥ threshold` regardless of label (after
    ///    phase 1 these necessarily have different labels);
    /// 3. **lowOverlap** — pairs with `0 < similarity < threshold`, any label.
    ///
    /// In each phase an eligible pair weighs `K + similarity` with `K = min(gold, predicted) + 1`
    /// (more than any total of similarities, so one more pair always wins), an ineligible pair
    /// weighs 0, and pairs of weight 0 are dropped from the assignment. Gold objects still unpaired are `.missing`, predictions `.extra`.
    /// TP = number of `.matched` pairs; FP = predictions − TP; FN = gold − TP; precision,
    /// recall, F1 and mean matched similarity as documented on ``MatchResult``.
    /// (CVAT's quality report does the first two phases the same way; phase 3 only names
    /// the closest leftover partner so feedback can say "too loose" instead of "missing".)
    ///
    /// - Parameters:
    ///   - similarity: `similarity[g][p]` ∈ [0, 1] for gold `g` and prediction `p`.
    ///   - threshold: in (0, 1].
    /// - Throws: ``MetricsError`` if shapes disagree, a similarity is NaN, infinite, negative
    ///   or above 1, or the threshold is outside (0, 1].
    public static func match<Label: Hashable>(
        similarity: [[Double]], goldLabels: [Label], predictedLabels: [Label], threshold: Double
    ) throws(MetricsError) -> MatchResult {
        let n = goldLabels.count, m = predictedLabels.count
        try requireSameLength(similarity.count, n, "similarity rows and gold objects")
        for (i, row) in similarity.enumerated() {
            try requireSameLength(row.count, m, "similarity row \(i) and predicted objects")
            for (j, s) in row.enumerated() where !(s >= 0 && s <= 1) {
                throw MetricsError(
                    s.isNaN || s.isInfinite ? .nonFinite : .outOfRange,
                    "similarity[\(i)][\(j)] is \(s); it must lie in [0, 1]")
            }
        }
        guard threshold > 0, threshold <= 1 else {
            throw MetricsError(.outOfRange, "threshold must lie in (0, 1], got \(threshold)")
        }
        // Labels are compared once per pair here, so that the matching itself is not generic
        // (unspecialised generic code pays metadata lookups on every access).
        var sameLabel = [Bool](repeating: false, count: n * m)
        for i in 0..<n { for j in 0..<m { sameLabel[i * m + j] = goldLabels[i] == predictedLabels[j] } }
        return try match(similarity: similarity, predicted: m, sameLabel: sameLabel, threshold: threshold)
    }

    /// ``match(similarity:goldLabels:predictedLabels:threshold:)`` on validated input, with
    /// `sameLabel[g·m + p]` telling whether gold `g` and prediction `p` (of `m`) share a label.
    private static func match(similarity: [[Double]], predicted m: Int, sameLabel: [Bool], threshold: Double) throws(MetricsError)
        -> MatchResult
    {
        let n = similarity.count
        var goldVerdict = [ObjectVerdict](repeating: .missing, count: n)
        var predVerdict = [ObjectVerdict](repeating: .extra, count: m)
        var goldFree = Array(0..<n), predFree = Array(0..<m)
        var matchedTotal = 0.0
        var tp = 0
        for phase in 0..<3 {
            if goldFree.isEmpty || predFree.isEmpty { break }
            // One more eligible pair outweighs any gain in total similarity (see above).
            let pairBonus = Double(min(goldFree.count, predFree.count)) + 1
            var w = [[Double]](repeating: [Double](repeating: 0, count: predFree.count), count: goldFree.count)
            for (a, i) in goldFree.enumerated() {
                for (b, j) in predFree.enumerated() {
                    let s = similarity[i][j]
                    let allowed: Bool
                    switch phase {
                    case 0: allowed = s >= threshold && sameLabel[i * m + j]
                    case 1: allowed = s >= threshold
                    default: allowed = s > 0
                    }
                    if allowed && s > 0 { w[a][b] = pairBonus + s }
                }
            }
            let assignment = try Assignment.maximize(w)
            var pairedGold = Set<Int>(), pairedPred = Set<Int>()
            for pair in assignment.pairs where w[pair.row][pair.column] > 0 {
                let i = goldFree[pair.row], j = predFree[pair.column]
                let s = similarity[i][j]
                switch phase {
                case 0:
                    goldVerdict[i] = .matched(partner: j, similarity: s)
                    predVerdict[j] = .matched(partner: i, similarity: s)
                    matchedTotal += s
                    tp += 1
                case 1:
                    goldVerdict[i] = .wrongLabel(partner: j, similarity: s)
                    predVerdict[j] = .wrongLabel(partner: i, similarity: s)
                default:
                    goldVerdict[i] = .lowOverlap(partner: j, similarity: s)
                    predVerdict[j] = .lowOverlap(partner: i, similarity: s)
                }
                pairedGold.insert(i)
                pairedPred.insert(j)
            }
            goldFree.removeAll { pairedGold.contains($0) }
            predFree.removeAll { pairedPred.contains($0) }
        }
        return MatchResult(
            truePositives: tp, falsePositives: m - tp, falseNegatives: n - tp,
            precision: m == 0 ? 0 : Double(tp) / Double(m),
            recall: n == 0 ? 0 : Double(tp) / Double(n),
            f1: n + m == 0 ? 0 : 2 * Double(tp) / Double(n + m),
            meanMatchedSimilarity: tp == 0 ? nil : matchedTotal / Double(tp),
            gold: goldVerdict, predicted: predVerdict)
    }

    /// The same matching with the similarity computed by `similarity(gold, predicted)` for
    /// every pair and labels read through `label`; see
    /// ``match(similarity:goldLabels:predictedLabels:threshold:)`` for the rules.
    public static func match<Object, Label: Hashable>(
        gold: [Object], predicted: [Object], label: (Object) -> Label, threshold: Double,
        similarity: (Object, Object) throws(MetricsError) -> Double
    ) throws(MetricsError) -> MatchResult {
        var s: [[Double]] = []
        s.reserveCapacity(gold.count)
        for g in gold {
            var row: [Double] = []
            row.reserveCapacity(predicted.count)
            for p in predicted { row.append(try similarity(g, p)) }
            s.append(row)
        }
        return try match(similarity: s, goldLabels: gold.map(label), predictedLabels: predicted.map(label), threshold: threshold)
    }
}
