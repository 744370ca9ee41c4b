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
        try validate(scores)
        let binary = scores.allSatisfy { $0.allSatisfy { $0 == 0 || $0 == 1 } }
        return ItemAnalysis(
            facility: try facility(scores),
            correctedItemTotal: try correctedItemTotalCorrelation(scores),
            itemTotal: try itemTotalCorrelation(scores),
            discrimination: try discriminationIndex(scores),
            groupSize: groupSize(learners: scores.count),
            cronbachAlpha: try cronbachAlpha(scores),
            kr20: binary ? try kr20(scores) : nil)
    }

    /// Facility (difficulty) of each item: its mean score over learners (`X.mean(axis=0)`).
    public static func facility(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        try validate(scores)
        let n = Double(scores.count)
        return (0..<scores[0].count).map { j in scores.reduce(0) { $0 + $1[j] } / n }
    }

    /// Corrected item–total correlation of each item: Pearson correlation between the item's
    /// scores and each learner's total over the *other* items, as
    /// `numpy.corrcoef(X[:, j], X.sum(1) − X[:, j])[0, 1]` (= `scipy.stats.pearsonr`);
    /// for 0/1 items this is the corrected point-biserial. NaN when either column is
    /// constant (numpy's value).
    public static func correctedItemTotalCorrelation(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        try validate(scores)
        let totals = scores.map { $0.reduce(0, +) }
        return (0..<scores[0].count).map { j in
            let item = scores.map { $0[j] }
            let rest = zip(totals, item).map { $0 - $1 }
            return Ranking.pearson(item, rest)
        }
    }

    /// Uncorrected item–total correlation of each item: Pearson correlation between the item's
    /// scores and each learner's total over *all* items, item included, as
    /// `numpy.corrcoef(X[:, j], X.sum(1))[0, 1]`. It runs higher than the corrected value
    /// (the item correlates with itself); it is what many LMS reports print. NaN when either
    /// column is constant, hence for a single learner.
    public static func itemTotalCorrelation(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        try validate(scores)
        let totals = scores.map { $0.reduce(0, +) }
        return (0..<scores[0].count).map { j in Ranking.pearson(scores.map { $0[j] }, totals) }
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
        try validate(scores)
        let n = scores.count, g = groupSize(learners: n)
        if n < 2 { return Array(repeating: .nan, count: scores[0].count) }
        let keys = scores.map { ($0.reduce(0, +) * 1e9 + 0.5).rounded(.down) }
        let order = Array(0..<n).sorted { keys[$0] > keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        let upper = order.prefix(g), lower = order.suffix(g)
        return (0..<scores[0].count).map { j in
            upper.reduce(0) { $0 + scores[$1][j] } / Double(g) - lower.reduce(0) { $0 + scores[$1][j] } / Double(g)
        }
    }

    /// Cronbach's alpha: `k/(k−1) · (1 − Σ var(item) / var(total))` with *sample* variances
    /// (ddof = 1) for both; the ratio, hence alpha, is the same with population variances.
    /// Undefined, hence NaN, when every learner has the same total (numpy's division would
    /// give −∞, which no reader should take for a reliability), for one item (k − 1 = 0) and
    /// for one learner (no sample variance).
    public static func cronbachAlpha(_ scores: [[Double]]) throws(MetricsError) -> Double {
        try validate(scores)
        if scores.count < 2 || scores[0].count < 2 { return .nan }
        let k = Double(scores[0].count)
        var itemVar = 0.0
        for j in 0..<scores[0].count { itemVar += variance(scores.map { $0[j] }, ddof: 1) }
        let totalVar = variance(scores.map { $0.reduce(0, +) }, ddof: 1)
        if totalVar == 0 { return .nan }
        return k / (k - 1) * (1 - itemVar / totalVar)
    }

    /// KR-20 for 0/1 items: `k/(k−1) · (1 − Σ p(1−p) / var(total))` with `p` the facility and
    /// the *population* variance (ddof = 0) of the totals — equal to Cronbach's alpha on 0/1
    /// data. NaN where alpha is: every learner with the same total, one item or one learner.
    ///
    /// - Throws: ``MetricsError`` if a score is not exactly 0 or 1, plus the matrix checks.
    public static func kr20(_ scores: [[Double]]) throws(MetricsError) -> Double {
        try validate(scores)
        for (i, row) in scores.enumerated() {
            if let j = row.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                throw MetricsError(.outOfRange, "KR-20 needs 0/1 scores; scores[\(i)][\(j)] is \(row[j])")
            }
        }
        if scores.count < 2 || scores[0].count < 2 { return .nan }
        let p = try facility(scores)
        let k = Double(p.count)
        let pq = p.reduce(0) { $0 + $1 * (1 - $1) }
        let totalVar = variance(scores.map { $0.reduce(0, +) }, ddof: 0)
        if totalVar == 0 { return .nan }
        return k / (k - 1) * (1 - pq / totalVar)
    }

    static func variance(_ x: [Double], ddof: Int) -> Double {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - Double(ddof))
    }

    static func validate(_ scores: [[Double]]) throws(MetricsError) {
        guard let first = scores.first else { throw MetricsError(.empty, "item statistics need at least 1 learner, got none") }
        let k = first.count
        if k == 0 { throw MetricsError(.empty, "item statistics need at least 1 item, got none") }
        for (i, row) in scores.enumerated() {
            if row.count != k { throw MetricsError(.invalidInput, "learner \(i) has \(row.count) scores; learner 0 has \(k)") }
            for (j, v) in row.enumerated() where !(v >= 0 && v <= 1) {
                throw MetricsError(v.isFinite ? .outOfRange : .nonFinite, "scores[\(i)][\(j)] is \(v); scores must lie in [0, 1]")
            }
        }
    }
}
