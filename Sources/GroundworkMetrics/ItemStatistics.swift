/// Classical test theory statistics for a learners × items matrix of scores in [0, 1].
public enum ItemStatistics {}

/// All item statistics of one score matrix; see the functions of ``ItemStatistics``.
public struct ItemAnalysis: Sendable, Equatable {
    /// Mean score per item.
    public var facility: [Double]
    /// Corrected item–total (point-biserial for 0/1 items) correlation per item.
    public var correctedItemTotal: [Double]
    /// Uncorrected item–total correlation per item (the item against the total it is part of).
    public var itemTotal: [Double]
    /// Upper–lower 27% discrimination index per item; NaN for a single learner.
    public var discrimination: [Double]
    /// Learners in each of the upper and lower groups.
    public var groupSize: Int
    /// NaN when undefined (one item, one learner, or every learner with the same total).
    public var cronbachAlpha: Double
    /// KR-20, `nil` unless every score is exactly 0 or 1; NaN when undefined, as alpha.
    public var kr20: Double?
}

extension ItemStatistics {
    /// Runs every statistic on `scores[learner][item]`.
    ///
    /// One learner or one item is accepted: facility is defined there, and what is not
    /// (correlations, discrimination, alpha) comes back NaN rather than as an error.
    ///
    /// - Throws: ``MetricsError`` if the matrix is ragged, has no learner or no item, or a
    ///   score is NaN, infinite or outside [0, 1].
    public static func analyze(_ scores: [[Double]]) throws(MetricsError) -> ItemAnalysis {
        let m = try ScoreMatrix(scores)
        let sums = m.itemSums()
        let facility = m.facility(sums)
        return ItemAnalysis(
            facility: facility,
            correctedItemTotal: m.correctedItemTotalCorrelation(sums),
            itemTotal: m.itemTotalCorrelation(sums),
            discrimination: m.discriminationIndex(),
            groupSize: groupSize(learners: m.learners),
            cronbachAlpha: m.cronbachAlpha(sums),
            kr20: m.isBinary ? m.kr20(facility: facility) : nil)
    }

    /// Facility (difficulty) of each item: its mean score over learners (`X.mean(axis=0)`).
    public static func facility(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        let m = try ScoreMatrix(scores)
        return m.facility(m.itemSums())
    }

    /// Corrected item–total correlation of each item: Pearson correlation between the item's
    /// scores and each learner's total over the *other* items, as
    /// `numpy.corrcoef(X[:, j], X.sum(1) − X[:, j])[0, 1]` (= `scipy.stats.pearsonr`);
    /// for 0/1 items this is the corrected point-biserial. NaN when either column is
    /// constant (numpy's value).
    public static func correctedItemTotalCorrelation(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        let m = try ScoreMatrix(scores)
        return m.correctedItemTotalCorrelation(m.itemSums())
    }

    /// Uncorrected item–total correlation of each item: Pearson correlation between the item's
    /// scores and each learner's total over *all* items, item included, as
    /// `numpy.corrcoef(X[:, j], X.sum(1))[0, 1]`. It runs higher than the corrected value
    /// (the item correlates with itself); it is what many LMS reports print. NaN when either
    /// column is constant, hence for a single learner.
    public static func itemTotalCorrelation(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        let m = try ScoreMatrix(scores)
        return m.itemTotalCorrelation(m.itemSums())
    }

    /// Size of the upper and lower groups: `max(1, ⌊0.27·n + 0.5⌋)` — 27% of the learners
    /// rounded half up (n = 50 → 14, n = 150 → 41).
    public static func groupSize(learners n: Int) -> Int {
        max(1, Int((0.27 * Double(n) + 0.5).rounded(.down)))
    }

    /// Upper–lower discrimination index of each item: mean item score of the upper group
    /// minus that of the lower group, the groups being the first and last
    /// ``groupSize(learners:)`` learners when sorted by total score, highest first. Totals are
    /// compared after rounding to 10⁻⁹ (`⌊total·10⁹ + 0.5⌋`) so that floating-point summation
    /// order cannot split a tie; tied learners keep input order (a stable sort, as
    /// `numpy.argsort(-key, kind="stable")`), so among equal totals earlier learners go to
    /// the upper group. NaN for a single learner, who would be both groups at once.
    public static func discriminationIndex(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        try ScoreMatrix(scores).discriminationIndex()
    }

    /// Cronbach's alpha: `k/(k−1) · (1 − Σ var(item) / var(total))` with *sample* variances
    /// (ddof = 1) for both; the ratio, hence alpha, is the same with population variances.
    /// Undefined, hence NaN, when every learner has the same total (numpy's division would
    /// give −∞, which no reader should take for a reliability), for one item (k − 1 = 0) and
    /// for one learner (no sample variance).
    public static func cronbachAlpha(_ scores: [[Double]]) throws(MetricsError) -> Double {
        let m = try ScoreMatrix(scores)
        return m.cronbachAlpha(m.itemSums())
    }

    /// KR-20 for 0/1 items: `k/(k−1) · (1 − Σ p(1−p) / var(total))` with `p` the facility and
    /// the *population* variance (ddof = 0) of the totals — equal to Cronbach's alpha on 0/1
    /// data. NaN where alpha is: every learner with the same total, one item or one learner.
    ///
    /// - Throws: ``MetricsError`` if a score is not exactly 0 or 1, plus the matrix checks.
    public static func kr20(_ scores: [[Double]]) throws(MetricsError) -> Double {
        let m = try ScoreMatrix(scores)
        if !m.isBinary {
            for (i, row) in scores.enumerated() {
                if let j = row.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                    throw MetricsError(.outOfRange, "KR-20 needs 0/1 scores; scores[\(i)][\(j)] is \(row[j])")
                }
            }
        }
        return m.kr20(facility: m.facility(m.itemSums()))
    }

    static func variance(_ x: UnsafeBufferPointer<Double>, ddof: Int) -> Double {
        let n = Double(x.count)
        var sum = 0.0
        for v in x { sum += v }
        let mean = sum / n
        var squares = 0.0
        for v in x { squares += (v - mean) * (v - mean) }
        return squares / (n - Double(ddof))
    }
}

/// A validated learners × items score matrix (the caller's rows, not copied) with each
/// learner's total. The statistics read it row by row, accumulating every item's sums side by
/// side (``ItemSums``): two passes over the matrix give all of them, with the arithmetic, and
/// so the rounding, of computing each item's column on its own.
struct ScoreMatrix {
    let learners: Int
    let items: Int
    /// `rows[i][j]` is learner `i`'s score on item `j`; every row has `items` scores.
    let rows: [[Double]]
    /// Each learner's total, summed in item order.
    let totals: [Double]
    /// Every score is exactly 0 or 1.
    let isBinary: Bool

    /// Validates `scores[learner][item]` and sums each learner's total in one pass.
    ///
    /// - Throws: ``MetricsError`` if the matrix is ragged, has no learner or no item, or a
    ///   score is NaN, infinite or outside [0, 1] (the first such row or score).
    init(_ scores: [[Double]]) throws(MetricsError) {
        guard let first = scores.first else { throw MetricsError(.empty, "item statistics need at least 1 learner, got none") }
        let n = scores.count, k = first.count
        if k == 0 { throw MetricsError(.empty, "item statistics need at least 1 item, got none") }
        var totals = [Double](repeating: 0, count: n)
        var nonBinary = 0
        var bad: (row: Int, item: Int)?
        for i in 0..<n {
            if scores[i].count != k { throw MetricsError(.invalidInput, "learner \(i) has \(scores[i].count) scores; learner 0 has \(k)") }
            var total = 0.0
            scores[i].withUnsafeBufferPointer { r in
                for j in 0..<k {
                    let v = r[j]
                    if !(v >= 0 && v <= 1) {
                        bad = (i, j)
                        return
                    }
                    total += v
                    // In [0, 1], v·(1 − v) is 0 exactly for 0 and 1: one comparison
                    // without a branch, where `v == 0 || v == 1` mispredicts on 0/1 data.
                    nonBinary &+= v * (1 - v) == 0 ? 0 : 1
                }
            }
            if let bad {
                let v = scores[bad.row][bad.item]
                throw MetricsError(
                    v.isFinite ? .outOfRange : .nonFinite, "scores[\(bad.row)][\(bad.item)] is \(v); scores must lie in [0, 1]")
            }
            totals[i] = total
        }
        self.learners = n
        self.items = k
        self.rows = scores
        self.totals = totals
        self.isBinary = nonBinary == 0
    }

    /// Calls `body(i, row)` for learners `i` in `order`, with each row's scores.
    @inline(__always)
    private func forEachRow(_ order: some Sequence<Int>, _ body: (Int, UnsafePointer<Double>) -> Void) {
        rows.withUnsafeBufferPointer { rows in
            for i in order { rows[i].withUnsafeBufferPointer { body(i, $0.baseAddress!) } }
        }
    }

    /// Per item `j`, over learners in order: `x` = the item's score, `r` = the rest of the
    /// learner's total (`total − x`), `t` = the total; sums of `x` and `r`, then the centred
    /// sums of squares and products used by the correlations and the variances.
    struct ItemSums {
        var x: [Double], rest: [Double]
        var xx: [Double], rr: [Double], xr: [Double], xt: [Double]
        /// Mean of the totals and their centred sum of squares (the same for every item).
        var totalMean: Double, tt: Double
    }

    func itemSums() -> ItemSums {
        let n = learners, k = items
        var sums = ItemSums(
            x: .init(repeating: 0, count: k), rest: .init(repeating: 0, count: k), xx: .init(repeating: 0, count: k),
            rr: .init(repeating: 0, count: k), xr: .init(repeating: 0, count: k), xt: .init(repeating: 0, count: k),
            totalMean: 0, tt: 0)
        var st = 0.0
        for i in 0..<n { st += totals[i] }
        let mt = st / Double(n)
        var tt = 0.0
        for i in 0..<n { tt += (totals[i] - mt) * (totals[i] - mt) }
        sums.totalMean = mt
        sums.tt = tt
        sums.x.withUnsafeMutableBufferPointer { sx in
            sums.rest.withUnsafeMutableBufferPointer { sr in
                forEachRow(0..<n) { i, row in
                    let ti = totals[i]
                    for j in 0..<k {
                        sx[j] += row[j]
                        sr[j] += ti - row[j]
                    }
                }
            }
        }
        let mx = sums.x.map { $0 / Double(n) }, mr = sums.rest.map { $0 / Double(n) }
        sums.xx.withUnsafeMutableBufferPointer { xx in
            sums.rr.withUnsafeMutableBufferPointer { rr in
                sums.xr.withUnsafeMutableBufferPointer { xr in
                    sums.xt.withUnsafeMutableBufferPointer { xt in
                        mx.withUnsafeBufferPointer { mx in
                            mr.withUnsafeBufferPointer { mr in
                                forEachRow(0..<n) { i, row in
                                    let ti = totals[i], tc = ti - mt
                                    for j in 0..<k {
                                        let a = row[j] - mx[j], b = (ti - row[j]) - mr[j]
                                        xx[j] += a * a
                                        rr[j] += b * b
                                        xr[j] += a * b
                                        xt[j] += a * tc
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

    func facility(_ s: ItemSums) -> [Double] {
        s.x.map { $0 / Double(learners) }
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

    func discriminationIndex() -> [Double] {
        let n = learners, k = items, g = ItemStatistics.groupSize(learners: n)
        if n < 2 { return Array(repeating: .nan, count: k) }
        // (rounded total, learner) pairs sorted by total descending, then learner: the
        // stable order, with the comparison reading the pairs rather than two arrays
        var ranked = totals.enumerated().map { (key: ($0.element * 1e9 + 0.5).rounded(.down), learner: $0.offset) }
        ranked.sort { $0.key > $1.key || ($0.key == $1.key && $0.learner < $1.learner) }
        func groupSums(_ positions: Range<Int>) -> [Double] {
            var sums = [Double](repeating: 0, count: k)
            sums.withUnsafeMutableBufferPointer { sum in
                forEachRow(positions.lazy.map { ranked[$0].learner }) { _, row in for j in 0..<k { sum[j] += row[j] } }
            }
            return sums
        }
        let upper = groupSums(0..<g), lower = groupSums((n - g)..<n)
        return (0..<k).map { upper[$0] / Double(g) - lower[$0] / Double(g) }
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
