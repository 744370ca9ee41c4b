/// A validated learners × items score matrix (the caller's storage, not copied: nested rows or
/// one row-major array) with each learner's total and each item's sums.
///
/// Every statistic of ``ItemStatistics`` comes from two passes over the rows in learner order:
/// the first (here, while validating) sums each learner's total and each item's scores and
/// rests; the second (``itemSums()``) accumulates every item's centred sums side by side, and
/// the upper and lower 27% groups' sums, whose members are found from the totals by selection
/// rather than by sorting the learners and reading their rows in rank order.
struct ScoreMatrix {
    enum Storage {
        case rows([[Double]])
        /// `scores[learner · items + item]`
        case flat([Double])
    }

    let learners: Int
    let items: Int
    let storage: Storage
    /// Each learner's total.
    let totals: [Double]
    /// Per item, the sum of its scores and of the learners' rests (`total − score`).
    let scoreSums: [Double], restSums: [Double]
    /// Every score is exactly 0 or 1.
    let isBinary: Bool

    /// Validates `scores[learner][item]`.
    ///
    /// - Throws: ``MetricsError`` if the matrix is ragged, has no learner or no item, or a
    ///   score is NaN, infinite or outside [0, 1] (the first such row or score).
    init(_ scores: [[Double]]) throws(MetricsError) {
        guard let first = scores.first else { throw MetricsError(.empty, "item statistics need at least 1 learner, got none") }
        if first.isEmpty { throw MetricsError(.empty, "item statistics need at least 1 item, got none") }
        try self.init(.rows(scores), learners: scores.count, items: first.count)
    }

    /// Validates `scores[learner · items + item]`; the errors name the score as `scores[learner][item]`.
    init(flat scores: [Double], items: Int) throws(MetricsError) {
        if items < 1 { throw MetricsError(.empty, "item statistics need at least 1 item, got \(items)") }
        if scores.isEmpty { throw MetricsError(.empty, "item statistics need at least 1 learner, got none") }
        if scores.count % items != 0 {
            throw MetricsError(
                .invalidInput, "\(scores.count) scores are not whole rows of \(items) items (the last learner has \(scores.count % items))")
        }
        try self.init(.flat(scores), learners: scores.count / items, items: items)
    }

    /// The first pass: row lengths and score ranges checked, totals and item sums summed.
    private init(_ storage: Storage, learners n: Int, items k: Int) throws(MetricsError) {
        var totals = [Double](repeating: 0, count: n)
        var scoreSums = [Double](repeating: 0, count: k), restSums = [Double](repeating: 0, count: k)
        var nonBinary = 0
        var ragged: (row: Int, count: Int)?
        var bad: (row: Int, item: Int, value: Double)?
        totals.withUnsafeMutableBufferPointer { totals in
            scoreSums.withUnsafeMutableBufferPointer { sx in
                restSums.withUnsafeMutableBufferPointer { sr in
                    Self.forEachRow(storage, learners: n, items: k) { i, row in
                        if row.count != k {
                            ragged = (i, row.count)
                            return false
                        }
                        var invalid = 0
                        for j in 0..<k {
                            let v = row[j]
                            // one test without a branch: NaN fails both comparisons
                            invalid &+= v >= 0 && v <= 1 ? 0 : 1
                            // In [0, 1], v·(1 − v) is 0 exactly for 0 and 1: one comparison
                            // without a branch, where `v == 0 || v == 1` mispredicts on 0/1 data.
                            nonBinary &+= v * (1 - v) == 0 ? 0 : 1
                        }
                        if invalid != 0 {
                            let j = row.firstIndex { !($0 >= 0 && $0 <= 1) }!
                            bad = (i, j, row[j])
                            return false
                        }
                        var total = 0.0
                        for j in 0..<k { total += row[j] }
                        totals[i] = total
                        for j in 0..<k {
                            sx[j] += row[j]
                            sr[j] += total - row[j]
                        }
                        return true
                    }
                }
            }
        }
        if let ragged { throw MetricsError(.invalidInput, "learner \(ragged.row) has \(ragged.count) scores; learner 0 has \(k)") }
        if let bad {
            throw MetricsError(
                bad.value.isFinite ? .outOfRange : .nonFinite, "scores[\(bad.row)][\(bad.item)] is \(bad.value); scores must lie in [0, 1]")
        }
        self.learners = n
        self.items = k
        self.storage = storage
        self.totals = totals
        self.scoreSums = scoreSums
        self.restSums = restSums
        self.isBinary = nonBinary == 0
    }

    /// Calls `body(i, row)` for every learner `i` in order until it returns false; a nested
    /// row comes as it is (any length), a flat row as its `items` scores.
    @inline(__always)
    private static func forEachRow(
        _ storage: Storage, learners: Int, items: Int, _ body: (Int, UnsafeBufferPointer<Double>) -> Bool
    ) {
        switch storage {
        case .rows(let rows):
            rows.withUnsafeBufferPointer { rows in
                for i in 0..<learners where !rows[i].withUnsafeBufferPointer({ body(i, $0) }) { return }
            }
        case .flat(let flat):
            flat.withUnsafeBufferPointer { flat in
                for i in 0..<learners where !body(i, UnsafeBufferPointer(rebasing: flat[(i * items)..<((i + 1) * items)])) { return }
            }
        }
    }

    /// Per item `j`, over learners in order: `x` = the item's score, `r` = the rest of the
    /// learner's total (`total − x`), `t` = the total; the centred sums of squares and
    /// products used by the correlations and the variances, and the sums of the upper and
    /// lower 27% groups.
    struct ItemSums {
        var xx: [Double], rr: [Double], xr: [Double], xt: [Double]
        var upper: [Double], lower: [Double]
        /// Mean of the totals and their centred sum of squares (the same for every item).
        var totalMean: Double, tt: Double
    }

    /// The second pass over the matrix.
    func itemSums() -> ItemSums {
        let n = learners, k = items
        let zeros = [Double](repeating: 0, count: k)
        var sums = ItemSums(xx: zeros, rr: zeros, xr: zeros, xt: zeros, upper: zeros, lower: zeros, totalMean: 0, tt: 0)
        var st = 0.0
        for i in 0..<n { st += totals[i] }
        let mt = st / Double(n)
        var tt = 0.0
        for i in 0..<n { tt += (totals[i] - mt) * (totals[i] - mt) }
        sums.totalMean = mt
        sums.tt = tt
        let mx = scoreSums.map { $0 / Double(n) }, mr = restSums.map { $0 / Double(n) }
        let groups = n < 2 ? [UInt8](repeating: 0, count: n) : groupMembers()
        sums.xx.withUnsafeMutableBufferPointer { xx in
            sums.rr.withUnsafeMutableBufferPointer { rr in
                sums.xr.withUnsafeMutableBufferPointer { xr in
                    sums.xt.withUnsafeMutableBufferPointer { xt in
                        sums.upper.withUnsafeMutableBufferPointer { upper in
                            sums.lower.withUnsafeMutableBufferPointer { lower in
                                mx.withUnsafeBufferPointer { mx in
                                    mr.withUnsafeBufferPointer { mr in
                                        Self.forEachRow(storage, learners: n, items: k) { i, row in
                                            let ti = totals[i], tc = ti - mt
                                            for j in 0..<k {
                                                let a = row[j] - mx[j], b = (ti - row[j]) - mr[j]
                                                xx[j] += a * a
                                                rr[j] += b * b
                                                xr[j] += a * b
                                                xt[j] += a * tc
                                            }
                                            if groups[i] == 1 {
                                                for j in 0..<k { upper[j] += row[j] }
                                            } else if groups[i] == 2 {
                                                for j in 0..<k { lower[j] += row[j] }
                                            }
                                            return true
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return sums
    }

    /// 1 for each learner of the upper group, 2 for the lower, 0 for the others: the first and
    /// last ``ItemStatistics/groupSize(learners:)`` learners sorted by rounded total, highest
    /// first, ties in learner order (see ``ItemStatistics/discriminationIndex(_:)``). The
    /// groups' boundary totals are selected, not sorted for; among learners tied at a
    /// boundary, the upper group takes the first ones and the lower group the last ones.
    /// Needs at least 2 learners (the groups are then disjoint: 2g ≤ n).
    func groupMembers() -> [UInt8] {
        let n = learners, g = ItemStatistics.groupSize(learners: n)
        let keys = totals.map { ($0 * 1e9 + 0.5).rounded(.down) }
        var scratch = keys
        let upperCut = Self.select(&scratch, n - g), lowerCut = Self.select(&scratch, g - 1)
        var above = 0, below = 0, atLowerCut = 0
        for key in keys {
            if key > upperCut { above += 1 }
            if key < lowerCut { below += 1 }
            if key == lowerCut { atLowerCut += 1 }
        }
        var upperTiesLeft = g - above
        // the lower group takes the last g − below of the learners tied at its cut
        let lowerTiesSkipped = atLowerCut - (g - below)
        var lowerTiesSeen = 0
        var groups = [UInt8](repeating: 0, count: n)
        for (i, key) in keys.enumerated() {
            if key > upperCut || (key == upperCut && upperTiesLeft > 0) {
                if key == upperCut { upperTiesLeft -= 1 }
                groups[i] = 1
            } else if key < lowerCut {
                groups[i] = 2
            }
            if key == lowerCut {
                if lowerTiesSeen >= lowerTiesSkipped && groups[i] == 0 { groups[i] = 2 }
                lowerTiesSeen += 1
            }
        }
        return groups
    }

    /// The value at position `k` of `a` sorted ascending (`a` is reordered): quickselect with
    /// a three-way partition, so runs of equal totals (the usual case) cost one pass; a sort
    /// of what is left if the pivots keep splitting badly.
    static func select(_ a: inout [Double], _ k: Int) -> Double {
        a.withUnsafeMutableBufferPointer { a in
            var lo = 0, hi = a.count - 1
            var rounds = 2 * (Int.bitWidth - a.count.leadingZeroBitCount) + 8
            while lo < hi {
                if rounds == 0 {
                    var rest = UnsafeMutableBufferPointer(rebasing: a[lo...hi])
                    rest.sort()
                    return a[k]
                }
                rounds -= 1
                let x = a[lo], y = a[lo + (hi - lo) / 2], z = a[hi]
                let pivot = max(min(x, y), min(max(x, y), z))
                // a[lo..<lt] < pivot, a[lt..<i] == pivot, a[(gt + 1)...hi] > pivot
                var lt = lo, i = lo, gt = hi
                while i <= gt {
                    if a[i] < pivot {
                        a.swapAt(lt, i)
                        lt += 1
                        i += 1
                    } else if a[i] > pivot {
                        a.swapAt(i, gt)
                        gt -= 1
                    } else {
                        i += 1
                    }
                }
                if k < lt { hi = lt - 1 } else if k > gt { lo = gt + 1 } else { return pivot }
            }
            return a[k]
        }
    }

    func facility() -> [Double] {
        scoreSums.map { $0 / Double(learners) }
    }

    /// Pearson's r from centred sums, as ``Ranking/pearson(_:_:)`` computes it.
    private static func correlation(_ xy: Double, _ xx: Double, _ yy: Double) -> Double {
        if xx == 0 || yy == 0 { return .nan }
        return min(1, max(-1, xy / (mSqrt(xx) * mSqrt(yy))))
    }

    func itemTotalCorrelation(_ s: ItemSums) -> [Double] {
        (0..<items).map { ScoreMatrix.correlation(s.xt[$0], s.xx[$0], s.tt) }
    }

    func correctedItemTotalCorrelation(_ s: ItemSums) -> [Double] {
        (0..<items).map { ScoreMatrix.correlation(s.xr[$0], s.xx[$0], s.rr[$0]) }
    }

    func discriminationIndex(_ s: ItemSums) -> [Double] {
        if learners < 2 { return Array(repeating: .nan, count: items) }
        let g = Double(ItemStatistics.groupSize(learners: learners))
        return (0..<items).map { s.upper[$0] / g - s.lower[$0] / g }
    }

    func cronbachAlpha(_ s: ItemSums) -> Double {
        if learners < 2 || items < 2 { return .nan }
        var itemVariance = 0.0
        for j in 0..<items { itemVariance += s.xx[j] / Double(learners - 1) }
        let totalVariance = s.tt / Double(learners - 1)
        if totalVariance == 0 { return .nan }
        let k = Double(items)
        return k / (k - 1) * (1 - itemVariance / totalVariance)
    }

    /// KR-20 of a 0/1 matrix whose facilities are `p`.
    func kr20(facility p: [Double]) -> Double {
        if learners < 2 || items < 2 { return .nan }
        let pq = p.reduce(0) { $0 + $1 * (1 - $1) }
        let totalVariance = totals.withUnsafeBufferPointer { ItemStatistics.variance($0, ddof: 0) }
        if totalVariance == 0 { return .nan }
        let k = Double(items)
        return k / (k - 1) * (1 - pq / totalVariance)
    }
}
