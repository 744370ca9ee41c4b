/// Classical test theory statistics for a learners × items matrix of scores in [0, 1].
public enum ItemStatistics {}

/// All item statistics of one score matrix; see the functions of ``ItemStatistics``.
public struct ItemAnalysis: Sendable, Equatable {
    /// Mean score per item.
    public var facility: [Double]
    /// Corrected item–total (point-biserial for 0/1 items) correlation per item.
    public var correctedItemTotal: [Double]
    /// Upper–lower 27% discrimination index per item.
    public var discrimination: [Double]
    /// Learners in each of the upper and lower groups.
    public var groupSize: Int
    public var cronbachAlpha: Double
    /// KR-20, `nil` unless every score is exactly 0 or 1.
    public var kr20: Double?
}

extension ItemStatistics {
    /// Runs every statistic on `scores[learner][item]`.
    ///
    /// - Throws: ``MetricsError`` if the matrix is ragged, has fewer than 2 learners or 2
    ///   items, or a score is NaN, infinite or outside [0, 1].
    public static func analyze(_ scores: [[Double]]) throws(MetricsError) -> ItemAnalysis {
        let m = try Matrix(scores)
        // On validated scores in [0, 1], v·(1 − v) is 0 exactly for 0 and 1: one comparison
        // without a branch, where `v == 0 || v == 1` mispredicts on random 0/1 data.
        var nonBinary = 0
        for row in scores { for v in row { nonBinary &+= v * (1 - v) == 0 ? 0 : 1 } }
        let binary = nonBinary == 0
        let facility = m.facility()
        return ItemAnalysis(
            facility: facility,
            correctedItemTotal: m.correctedItemTotalCorrelation(),
            discrimination: m.discriminationIndex(),
            groupSize: groupSize(learners: scores.count),
            cronbachAlpha: m.cronbachAlpha(),
            kr20: binary ? m.kr20(facility: facility) : nil)
    }

    /// A validated score matrix with its columns and learner totals computed once, so that
    /// ``analyze(_:)`` reads the matrix a few times instead of once per statistic and item.
    struct Matrix {
        let scores: [[Double]]
        /// `columns[j][i] = scores[i][j]`.
        let columns: [[Double]]
        /// Each learner's total, summed in item order.
        let totals: [Double]

        init(_ scores: [[Double]]) throws(MetricsError) {
            try validate(scores)
            self.scores = scores
            let k = scores[0].count, n = scores.count
            // Transposed through one flat buffer: appending to k arrays costs a uniqueness
            // check per score.
            var flat = [Double](repeating: 0, count: n * k)
            flat.withUnsafeMutableBufferPointer { out in
                for (i, row) in scores.enumerated() {
                    row.withUnsafeBufferPointer { r in
                        for j in 0..<k { out[j * n + i] = r[j] }
                    }
                }
            }
            columns = (0..<k).map { Array(flat[$0 * n..<($0 + 1) * n]) }
            totals = scores.map { $0.reduce(0, +) }
        }

        func facility() -> [Double] {
            let n = Double(scores.count)
            return columns.map { $0.reduce(0, +) / n }
        }

        func correctedItemTotalCorrelation() -> [Double] {
            columns.map { item in Ranking.pearson(item, zip(totals, item).map { $0 - $1 }) }
        }

        func discriminationIndex() -> [Double] {
            let n = scores.count, g = groupSize(learners: n)
            let keys = totals.map { ($0 * 1e9 + 0.5).rounded(.down) }
            let order = Array(0..<n).sorted { keys[$0] > keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
            let upper = order.prefix(g), lower = order.suffix(g)
            return columns.map { column in
                upper.reduce(0) { $0 + column[$1] } / Double(g) - lower.reduce(0) { $0 + column[$1] } / Double(g)
            }
        }

        func cronbachAlpha() -> Double {
            let k = Double(columns.count)
            var itemVar = 0.0
            for column in columns { itemVar += variance(column, ddof: 1) }
            return k / (k - 1) * (1 - itemVar / variance(totals, ddof: 1))
        }

        /// KR-20 of a 0/1 matrix whose facilities are `p`.
        func kr20(facility p: [Double]) -> Double {
            let k = Double(p.count)
            let pq = p.reduce(0) { $0 + $1 * (1 - $1) }
            return k / (k - 1) * (1 - pq / variance(totals, ddof: 0))
        }
    }

    /// Facility (difficulty) of each item: its mean score over learners (`X.mean(axis=0)`).
    public static func facility(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        try Matrix(scores).facility()
    }

    /// Corrected item–total correlation of each item: Pearson correlation between the item's
    /// scores and each learner's total over the *other* items, as
    /// `numpy.corrcoef(X[:, j], X.sum(1) − X[:, j])[0, 1]` (= `scipy.stats.pearsonr`);
    /// for 0/1 items this is the corrected point-biserial. NaN when either column is
    /// constant (numpy's value).
    public static func correctedItemTotalCorrelation(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        try Matrix(scores).correctedItemTotalCorrelation()
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
    /// the upper group.
    public static func discriminationIndex(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        try Matrix(scores).discriminationIndex()
    }

    /// Cronbach's alpha: `k/(k−1) · (1 − Σ var(item) / var(total))` with *sample* variances
    /// (ddof = 1) for both; the ratio, hence alpha, is the same with population variances.
    /// If every learner has the same total the division follows IEEE rules like numpy
    /// (−∞, or NaN when the items are constant too).
    public static func cronbachAlpha(_ scores: [[Double]]) throws(MetricsError) -> Double {
        try Matrix(scores).cronbachAlpha()
    }

    /// KR-20 for 0/1 items: `k/(k−1) · (1 − Σ p(1−p) / var(total))` with `p` the facility and
    /// the *population* variance (ddof = 0) of the totals — equal to Cronbach's alpha on 0/1
    /// data.
    ///
    /// - Throws: ``MetricsError`` if a score is not exactly 0 or 1, plus the matrix checks.
    public static func kr20(_ scores: [[Double]]) throws(MetricsError) -> Double {
        let m = try Matrix(scores)
        for (i, row) in scores.enumerated() {
            if let j = row.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                throw MetricsError(.outOfRange, "KR-20 needs 0/1 scores; scores[\(i)][\(j)] is \(row[j])")
            }
        }
        return m.kr20(facility: m.facility())
    }

    static func variance(_ x: [Double], ddof: Int) -> Double {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - Double(ddof))
    }

    static func validate(_ scores: [[Double]]) throws(MetricsError) {
        if scores.count < 2 { throw MetricsError(.empty, "item statistics need at least 2 learners, got \(scores.count)") }
        let k = scores[0].count
        if k < 2 { throw MetricsError(.empty, "item statistics need at least 2 items, got \(k)") }
        for (i, row) in scores.enumerated() {
            if row.count != k { throw MetricsError(.invalidInput, "learner \(i) has \(row.count) scores; learner 0 has \(k)") }
            for (j, v) in row.enumerated() where !(v >= 0 && v <= 1) {
                throw MetricsError(v.isFinite ? .outOfRange : .nonFinite, "scores[\(i)][\(j)] is \(v); scores must lie in [0, 1]")
            }
        }
    }
}
