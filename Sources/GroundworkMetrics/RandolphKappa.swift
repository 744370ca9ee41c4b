extension Agreement {
    /// Randolph's free-marginal multirater kappa, as statsmodels 0.15
    /// `fleiss_kappa(table, method="randolph")`: Fleiss' observed agreement
    /// `P̄ = mean_s (Σ_c table[s][c]² − n) / (n(n − 1))` against the chance agreement of raters
    /// who use every one of the `k` categories equally, `P_e = 1/k`, so
    /// κ = `(P̄ − 1/k) / (1 − 1/k)`. Unlike Fleiss' kappa it does not fall when raters favour
    /// one category, which suits tests where the right answer is mostly one label. NaN with a
    /// single category (1 − 1/k = 0). The table is checked as for ``fleissKappa(table:)``;
    /// every column counts as a category, used or not.
    public static func randolphKappa(table: [[Int]]) throws(MetricsError) -> Double {
        let raters = try validateRaterTable(table, measure: "Randolph's kappa")
        let n = Double(raters)
        var pbar = 0.0
        for row in table {
            var sq = 0.0
            for v in row { sq += Double(v) * Double(v) }
            pbar += (sq - n) / (n * (n - 1))
        }
        pbar /= Double(table.count)
        let chance = 1 / Double(table[0].count)
        if chance == 1 { return .nan }
        return (pbar - chance) / (1 - chance)
    }
}
