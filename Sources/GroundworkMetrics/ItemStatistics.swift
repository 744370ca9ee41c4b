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
        try analyze(ScoreMatrix(scores))
    }

    /// Runs every statistic on a learners × items matrix stored row after row in one array,
    /// `scores[learner · items + item]` (numpy's C order): the same results as
    /// ``analyze(_:)`` on the nested rows, read from one block of memory instead of a heap
    /// array per learner.
    ///
    /// - Throws: ``MetricsError`` if `items` is not positive, `scores` is empty or not a whole
    ///   number of rows, or a score is NaN, infinite or outside [0, 1].
    public static func analyze(flat scores: [Double], items: Int) throws(MetricsError) -> ItemAnalysis {
        try analyze(ScoreMatrix(flat: scores, items: items))
    }

    private static func analyze(_ m: ScoreMatrix) -> ItemAnalysis {
        let sums = m.itemSums()
        let facility = m.facility()
        return ItemAnalysis(
            facility: facility,
            correctedItemTotal: m.correctedItemTotalCorrelation(sums),
            itemTotal: m.itemTotalCorrelation(sums),
            discrimination: m.discriminationIndex(sums),
            groupSize: groupSize(learners: m.learners),
            cronbachAlpha: m.cronbachAlpha(sums),
            kr20: m.isBinary ? m.kr20(facility: facility) : nil)
    }

    /// Facility (difficulty) of each item: its mean score over learners (`X.mean(axis=0)`).
    public static func facility(_ scores: [[Double]]) throws(MetricsError) -> [Double] {
        try ScoreMatrix(scores).facility()
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
        let m = try ScoreMatrix(scores)
        return m.discriminationIndex(m.itemSums())
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
        return m.kr20(facility: m.facility())
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
