/// Rank correlation and ranking quality: Kendall's tau-b, Spearman's rho, NDCG@k and
/// pairwise order agreement.
public enum Ranking {}

extension Ranking {
    /// Kendall's tau-b as `scipy.stats.kendalltau(x, y).statistic` (variant "b"):
    /// `τ_b = (C − D) / √(n₀ − n₁) / √(n₀ − n₂)` where over all `n₀ = n(n−1)/2` pairs `C` are
    /// concordant, `D` discordant, `n₁` tied in `x` and `n₂` tied in `y` (pairs tied in both
    /// count in both), clipped to [−1, 1]. NaN when fewer than two items or when either
    /// sequence is constant (scipy's value). O(n²) pair counting in exact integers.
    ///
    /// - Throws: ``MetricsError`` if lengths differ or a value is NaN/infinite.
    public static func kendallTauB(_ x: [Double], _ y: [Double]) throws(MetricsError) -> Double {
        try requireSameLength(x.count, y.count, "x and y")
        try requireFinite(x, "x"); try requireFinite(y, "y")
        let n = x.count
        if n < 2 { return .nan }
        var concordant = 0, discordant = 0, xTies = 0, yTies = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                if dx == 0 { xTies += 1 }
                if dy == 0 { yTies += 1 }
                if dx == 0 || dy == 0 { continue }
                if (dx > 0) == (dy > 0) { concordant += 1 } else { discordant += 1 }
            }
        }
        let total = n * (n - 1) / 2
        if xTies == total || yTies == total { return .nan }
        let tau = Double(concordant - discordant) / mSqrt(Double(total - xTies)) / mSqrt(Double(total - yTies))
        return min(1, max(-1, tau))
    }

    /// Spearman's rho as `scipy.stats.spearmanr(x, y).statistic`: the Pearson correlation of
    /// the average ranks (ties share the mean of their ranks, `rankdata(method="average")`).
    /// NaN when fewer than two items or when either input is constant (scipy's value).
    ///
    /// - Throws: ``MetricsError`` if lengths differ or a value is NaN/infinite.
    public static func spearmanRho(_ x: [Double], _ y: [Double]) throws(MetricsError) -> Double {
        try requireSameLength(x.count, y.count, "x and y")
        try requireFinite(x, "x"); try requireFinite(y, "y")
        if x.count < 2 { return .nan }
        if x.allSatisfy({ $0 == x[0] }) || y.allSatisfy({ $0 == y[0] }) { return .nan }
        return pearson(averageRanks(x), averageRanks(y))
    }

    /// 1-based ranks with ties given their mean rank (`scipy.stats.rankdata`).
    static func averageRanks(_ v: [Double]) -> [Double] {
        let order = v.indices.sorted { v[$0] < v[$1] }
        var ranks = [Double](repeating: 0, count: v.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
            let r = Double(i + j + 2) / 2
            for k in i...j { ranks[order[k]] = r }
            i = j + 1
        }
        return ranks
    }

    /// Pearson correlation `Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²)`, clipped to [−1, 1];
    /// NaN if either variance is 0.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in pearson(x, y) } }
    }

    /// ``pearson(_:_:)`` of two buffers of the same length, for callers holding columns of
    /// a flat matrix.
    static func pearson(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>) -> Double {
        let n = Double(x.count)
        var sx = 0.0, sy = 0.0
        for i in 0..<x.count {
            sx += x[i]
            sy += y[i]
        }
        let mx = sx / n, my = sy / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<x.count {
            let a = x[i] - mx, b = y[i] - my
            sxy += a * b; sxx += a * a; syy += b * b
        }
        if sxx == 0 || syy == 0 { return .nan }
        return min(1, max(-1, sxy / (mSqrt(sxx) * mSqrt(syy))))
    }

    /// NDCG@k for one query as `sklearn.metrics.ndcg_score([relevance], [scores], k=k)` with
    /// the default `ignore_ties=False`:
    ///
    /// discount at 0-based position `i` = `1 / log₂(i + 2)`, 0 from position `k` on.
    /// DCG: items are grouped by equal score, groups taken by decreasing score; every item of
    /// a group gets the group's *mean* relevance, spread over the group's positions (sklearn's
    /// `_tie_averaged_dcg`). Ideal DCG sorts by relevance (ties do not matter there).
    /// NDCG = DCG / ideal DCG, and 0 when the ideal DCG is 0 (all relevances 0).
    ///
    /// - Throws: ``MetricsError`` if lengths differ, there are fewer than two items (sklearn
    ///   refuses), a relevance is negative, a value is NaN/infinite, or `k < 1`.
    public static func ndcg(relevance: [Double], scores: [Double], k: Int? = nil) throws(MetricsError) -> Double {
        try requireSameLength(relevance.count, scores.count, "relevance and scores")
        try requireFinite(relevance, "relevance"); try requireFinite(scores, "scores")
        let n = relevance.count
        if n < 2 { throw MetricsError(.invalidInput, "NDCG needs at least 2 items, got \(n)") }
        if let k, k < 1 { throw MetricsError(.outOfRange, "k must be at least 1, got \(k)") }
        if let bad = relevance.firstIndex(where: { $0 < 0 }) {
            throw MetricsError(.outOfRange, "relevance[\(bad)] is \(relevance[bad]); relevance must not be negative")
        }
        let cut = min(k ?? n, n)
        var discount = [Double](repeating: 0, count: n)
        for i in 0..<cut { discount[i] = 1 / (mLog(Double(i + 2)) / mLog(2)) }
        var cumulative = [Double](repeating: 0, count: n)
        var acc = 0.0
        for i in 0..<n { acc += discount[i]; cumulative[i] = acc }

        // DCG with tie averaging over groups of equal score, by decreasing score.
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var gain = 0.0
        var start = 0
        var previousCumulative = 0.0
        while start < n {
            var end = start
            while end + 1 < n && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            var sum = 0.0
            for t in start...end { sum += relevance[order[t]] }
            let mean = sum / Double(end - start + 1)
            gain += mean * (cumulative[end] - previousCumulative)
            previousCumulative = cumulative[end]
            start = end + 1
        }
        let ideal = relevance.sorted(by: >)
        var idealGain = 0.0
        for i in 0..<n { idealGain += discount[i] * ideal[i] }
        return idealGain == 0 ? 0 : gain / idealGain
    }

    /// Fraction of item pairs that the answer orders the same way as the gold order.
    ///
    /// Over all pairs `i < j` whose gold values differ (pairs tied in gold have no order to
    /// agree with and are skipped), a pair agrees when `sign(answer_i − answer_j)` equals
    /// `sign(gold_i − gold_j)`; a pair the answer ties counts as not agreeing. Returns `nil`
    /// when no pair is ordered in gold (fewer than two items or constant gold). With no ties
    /// in gold and answer this equals `(τ + 1) / 2` for Kendall's τ.
    ///
    /// - Throws: ``MetricsError`` if lengths differ or a value is NaN/infinite.
    public static func pairwiseAgreement(gold: [Double], answer: [Double]) throws(MetricsError) -> Double? {
        try requireSameLength(gold.count, answer.count, "gold and answer")
        try requireFinite(gold, "gold"); try requireFinite(answer, "answer")
        var agree = 0, total = 0
        for i in 0..<gold.count {
            for j in (i + 1)..<gold.count {
                let g = gold[i] - gold[j]
                if g == 0 { continue }
                total += 1
                let a = answer[i] - answer[j]
                if (g > 0 && a > 0) || (g < 0 && a < 0) { agree += 1 }
            }
        }
        return total == 0 ? nil : Double(agree) / Double(total)
    }
}
