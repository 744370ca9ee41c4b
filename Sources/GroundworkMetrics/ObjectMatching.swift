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
    @_specialize(where Label == String)
    @_specialize(where Label == Int)
    public static func match<Label: Hashable>(
        similarity: [[Double]], goldLabels: [Label], predictedLabels: [Label], threshold: Double
    ) throws(MetricsError) -> MatchResult {
        let n = goldLabels.count, m = predictedLabels.count
        try requireSameLength(similarity.count, n, "similarity rows and gold objects")
        for (i, row) in similarity.enumerated() {
            try requireSameLength(row.count, m, "similarity row \(i) and predicted objects")
        }
        return try match(gold: n, predicted: m, threshold: threshold) { i, j in
            (similarity[i][j], goldLabels[i] == predictedLabels[j])
        }
    }

    /// The matching of `n` gold and `m` predicted objects whose similarity and label equality
    /// `pair(g, p)` gives, called once per pair, row after row. The scorers of boxes,
    /// polygons, keypoints and segments call it from code specialised for their label type,
    /// and it is inlined there, so that no label is compared through generic witnesses; the
    /// matching itself (``PairTable``) is not generic.
    @inline(__always)
    static func match(
        gold n: Int, predicted m: Int, threshold: Double, _ pair: (Int, Int) throws(MetricsError) -> (Double, Bool)
    ) throws(MetricsError) -> MatchResult {
        let table = PairTable(gold: n, predicted: m)
        defer { table.free() }
        for i in 0..<n {
            for j in 0..<m {
                let (s, same) = try pair(i, j)
                table.similarity[i * m + j] = s
                table.sameLabel[i * m + j] = same
            }
        }
        return try table.match(threshold: threshold)
    }

    /// The pairwise similarities and label equalities of one image in flat buffers, and the
    /// three-phase matching over them.
    struct PairTable {
        let n: Int, m: Int
        /// `similarity[g·m + p]`.
        let similarity: UnsafeMutablePointer<Double>
        /// `sameLabel[g·m + p]`.
        let sameLabel: UnsafeMutablePointer<Bool>

        init(gold n: Int, predicted m: Int) {
            self.n = n
            self.m = m
            similarity = .allocate(capacity: Swift.max(1, n * m))
            sameLabel = .allocate(capacity: Swift.max(1, n * m))
        }

        func free() {
            similarity.deallocate()
            sameLabel.deallocate()
        }

        /// Validates the similarities and the threshold and runs the three phases documented
        /// on ``ObjectMatching/match(similarity:goldLabels:predictedLabels:threshold:)``.
        func match(threshold: Double) throws(MetricsError) -> MatchResult {
            for k in 0..<(n * m) {
                let s = similarity[k]
                if !(s >= 0 && s <= 1) {
                    throw MetricsError(
                        s.isNaN || s.isInfinite ? .nonFinite : .outOfRange,
                        "similarity[\(k / m)][\(k % m)] is \(s); it must lie in [0, 1]")
                }
            }
            guard threshold > 0, threshold <= 1 else {
                throw MetricsError(.outOfRange, "threshold must lie in (0, 1], got \(threshold)")
            }
            var goldVerdict = [ObjectVerdict](repeating: .missing, count: n)
            var predVerdict = [ObjectVerdict](repeating: .extra, count: m)
            var tp = 0
            if n > 0 && m > 0 {
                // partner[g] / partner[n + p]: the other side's index + 1, 0 while unpaired;
                // then the active rows and columns of a phase.
                let ints = UnsafeMutablePointer<Int>.allocate(capacity: 2 * (n + m))
                defer { ints.deallocate() }
                ints.initialize(repeating: 0, count: 2 * (n + m))
                let partner = ints, rows = ints + (n + m), cols = rows + n
                var freeGold = n, freePred = m
                for phase in 0..<3 {
                    if freeGold == 0 || freePred == 0 { break }
                    let paired = pairPhase(phase, threshold, partner, rows, cols, freeGold: freeGold, freePred: freePred)
                    for k in stride(from: 0, to: paired.count, by: 2) {
                        let g = paired[k], p = paired[k + 1]
                        let s = similarity[g * m + p]
                        switch phase {
                        case 0:
                            goldVerdict[g] = .matched(partner: p, similarity: s)
                            predVerdict[p] = .matched(partner: g, similarity: s)
                            tp += 1
                        case 1:
                            goldVerdict[g] = .wrongLabel(partner: p, similarity: s)
                            predVerdict[p] = .wrongLabel(partner: g, similarity: s)
                        default:
                            goldVerdict[g] = .lowOverlap(partner: p, similarity: s)
                            predVerdict[p] = .lowOverlap(partner: g, similarity: s)
                        }
                    }
                    freeGold -= paired.count / 2
                    freePred -= paired.count / 2
                }
            }
            // Matched similarities summed in gold order (the pairs' row order).
            var matchedTotal = 0.0
            for v in goldVerdict { if case .matched(_, let s) = v { matchedTotal += s } }
            return MatchResult(
                truePositives: tp, falsePositives: m - tp, falseNegatives: n - tp,
                precision: m == 0 ? 0 : Double(tp) / Double(m),
                recall: n == 0 ? 0 : Double(tp) / Double(n),
                f1: n + m == 0 ? 0 : 2 * Double(tp) / Double(n + m),
                meanMatchedSimilarity: tp == 0 ? nil : matchedTotal / Double(tp),
                gold: goldVerdict, predicted: predVerdict)
        }

        @inline(__always)
        private func eligible(_ phase: Int, _ k: Int, _ threshold: Double) -> Bool {
            let s = similarity[k]
            switch phase {
            case 0: return s >= threshold && sameLabel[k]
            case 1: return s >= threshold
            default: return s > 0
            }
        }

        /// One phase over the unpaired objects: the pairs of an assignment with the most
        /// eligible pairs and, among those, the largest total similarity (gold order). Only
        /// objects with an eligible pair take part (the others could only be paired at weight
        /// 0, which is dropped); when every such object has exactly one eligible partner the
        /// pairs are the assignment, without solving. Returns gold, prediction, gold, … (flat,
        /// as an array of tuples would look up tuple metadata at run time).
        private func pairPhase(
            _ phase: Int, _ threshold: Double, _ partner: UnsafeMutablePointer<Int>,
            _ rows: UnsafeMutablePointer<Int>, _ cols: UnsafeMutablePointer<Int>, freeGold: Int, freePred: Int
        ) -> [Int] {
            // degree of each free object among eligible pairs with free objects
            var a = 0, b = 0
            var simple = true
            let colDegree = cols  // per prediction for now; rebuilt as the column list below
            for p in 0..<m { colDegree[p] = 0 }
            for g in 0..<n where partner[g] == 0 {
                var degree = 0
                for p in 0..<m where partner[n + p] == 0 && eligible(phase, g * m + p, threshold) {
                    degree += 1
                    colDegree[p] += 1
                }
                if degree > 0 {
                    rows[a] = g
                    a += 1
                    if degree > 1 { simple = false }
                }
            }
            if a == 0 { return [] }
            for p in 0..<m where colDegree[p] > 0 {
                if colDegree[p] > 1 { simple = false }
                cols[b] = p
                b += 1
            }
            var pairs: [Int] = []
            pairs.reserveCapacity(2 * Swift.min(a, b))
            if simple {
                for r in 0..<a {
                    let g = rows[r]
                    for c in 0..<b where eligible(phase, g * m + cols[c], threshold) {
                        pairs.append(g)
                        pairs.append(cols[c])
                        break
                    }
                }
            } else {
                // One more eligible pair outweighs any gain in total similarity (see above).
                let pairBonus = Double(Swift.min(freeGold, freePred)) + 1
                let solver = Assignment.Solver(rows: a, columns: b)
                defer { solver.free() }
                for r in 0..<a {
                    for c in 0..<b {
                        let k = rows[r] * m + cols[c]
                        solver.setCost(r, c, eligible(phase, k, threshold) ? -(pairBonus + similarity[k]) : 0)
                    }
                }
                solver.solve { r, c in
                    let g = rows[r], p = cols[c]
                    if eligible(phase, g * m + p, threshold) {
                        pairs.append(g)
                        pairs.append(p)
                    }
                }
            }
            for k in stride(from: 0, to: pairs.count, by: 2) {
                partner[pairs[k]] = pairs[k + 1] + 1
                partner[n + pairs[k + 1]] = pairs[k] + 1
            }
            return pairs
        }
    }

    /// The same matching with the similarity computed by `similarity(gold, predicted)` for
    /// every pair and labels read through `label`; see
    /// ``match(similarity:goldLabels:predictedLabels:threshold:)`` for the rules.
    public static func match<Object, Label: Hashable>(
        gold: [Object], predicted: [Object], label: (Object) -> Label, threshold: Double,
        similarity: (Object, Object) throws(MetricsError) -> Double
    ) throws(MetricsError) -> MatchResult {
        let goldLabels = gold.map(label), predictedLabels = predicted.map(label)
        return try match(gold: gold.count, predicted: predicted.count, threshold: threshold) { i, j throws(MetricsError) in
            (try similarity(gold[i], predicted[j]), goldLabels[i] == predictedLabels[j])
        }
    }
}
