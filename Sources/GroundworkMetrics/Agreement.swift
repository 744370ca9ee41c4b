/// Inter-rater agreement: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha.
public enum Agreement {}

/// Disagreement weights of Cohen's kappa (sklearn's `weights`).
public enum KappaWeighting: Sendable, Hashable {
    /// `w_ij = 1` for `i ≠ j` (plain kappa).
    case unweighted
    /// `w_ij = |i − j|` on positions in the label list.
    case linear
    /// `w_ij = (i − j)²` on positions in the label list.
    case quadratic
}

/// Krippendorff's level of measurement (the `krippendorff` package's distance metrics).
public enum MeasurementLevel: Sendable, Hashable {
    /// `δ(c, k) = 0` if `c = k`, else 1.
    case nominal
    /// `δ(c, k) = (Σ_{g between c and k} n_g − (n_c + n_k) / 2)²` over the sorted value domain.
    case ordinal
    /// `δ(c, k) = (c − k)²`.
    case interval
    /// `δ(c, k) = ((c − k) / (c + k))²`, 0 when `c + k = 0`.
    case ratio
}

extension Agreement {
    /// Cohen's kappa as `sklearn.metrics.cohen_kappa_score(a, b, labels=labels, weights=…)`:
    /// with confusion matrix `C` over `labels` (rows `a`, columns `b`), `N = ΣC`, expected
    /// `E_ij = (column sum i)(row sum j) / N` and weights `w`, κ = `1 − Σ w·C / Σ w·E`.
    /// NaN when `Σ w·E = 0` (e.g. both raters used one single label): sklearn's default
    /// `replace_undefined_by=np.nan`. Weights use positions in `labels`, so give ordinal
    /// labels in order.
    ///
    /// - Throws: ``MetricsError`` on different lengths, no items, empty or duplicated labels,
    ///   or a rating outside `labels` (sklearn would silently drop it).
    @_specialize(where Label == String)
    @_specialize(where Label == Int)
    public static func cohenKappa<Label: Hashable>(
        _ a: [Label], _ b: [Label], labels: [Label], weighting: KappaWeighting = .unweighted
    ) throws(MetricsError) -> Double {
        try requireSameLength(a.count, b.count, "ratings of rater a and rater b")
        if a.isEmpty { throw MetricsError(.empty, "Cohen's kappa needs at least one item") }
        let index = try Classification.labelIndex(labels)
        let k = labels.count
        let (codesA, codesB) = try Classification.codes(a, b, labels: labels, index: index, names: ("a", "b"))
        // Counts are exact integers, so counting in Int and converting gives the same sums.
        var counts = [Int](repeating: 0, count: k * k)
        counts.withUnsafeMutableBufferPointer { c in
            codesA.withUnsafeBufferPointer { x in
                codesB.withUnsafeBufferPointer { y in
                    for n in 0..<x.count { c[x[n] * k + y[n]] += 1 }
                }
            }
        }
        let c = counts.map(Double.init)
        var rowSum = [Double](repeating: 0, count: k), colSum = [Double](repeating: 0, count: k)
        for i in 0..<k { for j in 0..<k { rowSum[i] += c[i * k + j]; colSum[j] += c[i * k + j] } }
        let total = rowSum.reduce(0, +)
        var observed = 0.0, expected = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let w: Double
                switch weighting {
                case .unweighted: w = i == j ? 0 : 1
                case .linear: w = Double(abs(i - j))
                case .quadratic: w = Double((i - j) * (i - j))
                }
                observed += w * c[i * k + j]
                expected += w * (colSum[i] * rowSum[j] / total)
            }
        }
        if expected == 0 { return .nan }
        return 1 - observed / expected
    }

    /// Fleiss' kappa as `statsmodels.stats.inter_rater.fleiss_kappa(table, method="fleiss")`.
    /// `table[s][c]` = raters who put subject `s` in category `c`; every subject has the same
    /// number `n` of raters. `p_c = Σ_s table[s][c] / (S·n)`,
    /// `P_s = (Σ_c table[s][c]² − n) / (n(n − 1))`, `P̄ = mean P_s`, `P_e = Σ p_c²`,
    /// κ = `(P̄ − P_e) / (1 − P_e)` — NaN when `P_e = 1` (everyone always chose one category).
    ///
    /// - Throws: ``MetricsError`` if the table is empty or ragged, a count is negative, the
    ///   rows have different totals, or there are fewer than 2 raters per subject.
    public static func fleissKappa(table: [[Int]]) throws(MetricsError) -> Double {
        let raters = try validateRaterTable(table, measure: "Fleiss' kappa")
        return fleiss(flat: table.flatMap { $0 }, categories: table[0].count, raters: raters)
    }

    /// Fleiss' kappa of a validated table stored row after row in `flat` (subjects × categories).
    private static func fleiss(flat: [Int], categories cats: Int, raters: Int) -> Double {
        let n = Double(raters), subjects = Double(flat.count / cats)
        let total = n * subjects
        return flat.withUnsafeBufferPointer { t in
            var pe = 0.0
            for c in 0..<cats {
                var col = 0.0
                for s in stride(from: c, to: t.count, by: cats) { col += Double(t[s]) }
                let p = col / total
                pe += p * p
            }
            var pbar = 0.0
            for start in stride(from: 0, to: t.count, by: cats) {
                var sq = 0.0
                for v in t[start..<start + cats] { sq += Double(v * v) }
                pbar += (sq - n) / (n * (n - 1))
            }
            pbar /= subjects
            return (pbar - pe) / (1 - pe)
        }
    }

    /// Checks a subjects × categories count table (non-empty, rectangular, non-negative, the
    /// same number of at least 2 raters per subject) and returns that number of raters.
    static func validateRaterTable(_ table: [[Int]], measure: String) throws(MetricsError) -> Int {
        guard let first = table.first, !first.isEmpty else {
            throw MetricsError(.empty, "\(measure) needs at least one subject and one category")
        }
        let cats = first.count
        let raters = first.reduce(0, +)
        for (s, row) in table.enumerated() {
            if row.count != cats { throw MetricsError(.invalidInput, "table row \(s) has \(row.count) categories; row 0 has \(cats)") }
            if let c = row.firstIndex(where: { $0 < 0 }) { throw MetricsError(.outOfRange, "table[\(s)][\(c)] is negative") }
            let r = row.reduce(0, +)
            if r != raters {
                throw MetricsError(
                    .invalidInput,
                    "subject \(s) has \(r) ratings but subject 0 has \(raters); every subject needs the same number of raters")
            }
        }
        if raters < 2 { throw MetricsError(.invalidInput, "\(measure) needs at least 2 raters per subject, got \(raters)") }
        return raters
    }

    /// Fleiss' kappa from raw ratings: `ratings[s]` lists the category each rater gave
    /// subject `s` (statsmodels `aggregate_raters`, then ``fleissKappa(table:)``).
    ///
    /// - Throws: ``MetricsError`` if a rating is not in `categories`, plus the errors of
    ///   ``fleissKappa(table:)``.
    @_specialize(where Label == String)
    @_specialize(where Label == Int)
    public static func fleissKappa<Label: Hashable>(ratings: [[Label]], categories: [Label]) throws(MetricsError) -> Double {
        let index = try Classification.labelIndex(categories)
        let counted = LabelCodes.countRows(ratings, labels: categories, index: index)
        if let offset = counted.unknown {
            var s = 0, r = offset
            while r >= counted.lengths[s] { r -= counted.lengths[s]; s += 1 }
            throw MetricsError(.unknownLabel, "ratings[\(s)][\(r)] = \(ratings[s][r]) is not in categories")
        }
        guard !ratings.isEmpty else { throw MetricsError(.empty, "Fleiss' kappa needs at least one subject and one category") }
        let raters = counted.lengths[0]
        for (s, length) in counted.lengths.enumerated() where length != raters {
            throw MetricsError(
                .invalidInput,
                "subject \(s) has \(length) ratings but subject 0 has \(raters); every subject needs the same number of raters")
        }
        if raters < 2 { throw MetricsError(.invalidInput, "Fleiss' kappa needs at least 2 raters per subject, got \(raters)") }
        return fleiss(flat: counted.table, categories: categories.count, raters: raters)
    }

    /// Krippendorff's alpha as the `krippendorff` package 0.9 `alpha(reliability_data,
    /// level_of_measurement=…)` computes it. `data[coder][unit]`, `nil` = missing.
    ///
    /// Value domain = sorted distinct values. Coincidences
    /// `o_ck = Σ_u (n_uc·n_uk − [c = k]·n_uc) / (max(m_u, 2) − 1)` with `m_u` values in unit `u`
    /// (units with one value contribute nothing); `n_c = Σ_k o_ck`, `n = Σ n_c`; expected
    /// `e_ck = (n_c·n_k − [c = k]·n_c) / (n − 1)`; α = `1 − Σ o·δ / Σ e·δ` with δ from
    /// ``MeasurementLevel``. NaN when `Σ e·δ = 0` (no pairable disagreement possible).
    ///
    /// - Throws: ``MetricsError`` if rows differ in length, a value is NaN/infinite, fewer
    ///   than two distinct values occur, or no unit has values from two coders (the package
    ///   raises ValueError for the last two).
    public static func krippendorffAlpha(_ data: [[Double?]], level: MeasurementLevel) throws(MetricsError) -> Double {
        guard let units = data.first?.count else { throw MetricsError(.empty, "Krippendorff's alpha needs at least one coder") }
        // Each value becomes its position among the distinct values in order of first
        // appearance, found by hashing the value (the linear search it replaces mispredicted
        // on every new position); `codes[u·coders + c]`, −1 for a missing value.
        let coders = data.count
        var codes = [Int32](repeating: -1, count: units * coders)
        let values = FiniteValueCodes()
        var nonFinite: (coder: Int, unit: Int)?
        codes.withUnsafeMutableBufferPointer { codes in
            for c in 0..<coders where data[c].count == units {
                data[c].withUnsafeBufferPointer { coder in
                    for u in 0..<units {
                        guard let x = coder[u] else { continue }
                        if !x.isFinite {
                            nonFinite = (c, u)
                            return
                        }
                        codes[u &* coders &+ c] = values.code(x)
                    }
                }
                if nonFinite != nil { return }
            }
        }
        // the errors in the order of a check coder by coder: its length, then its values
        for c in 0..<data.count {
            try requireSameLength(data[c].count, units, "coder \(c) and coder 0 unit counts")
            if let nonFinite, nonFinite.coder == c {
                throw MetricsError(.nonFinite, "data[\(c)][\(nonFinite.unit)] is not finite; use nil for a missing value")
            }
        }
        let seen = values.inOrderOfAppearance
        let order = seen.indices.sorted { seen[$0] < seen[$1] }
        var rank = [Int32](repeating: 0, count: seen.count)
        for (r, i) in order.enumerated() { rank[i] = Int32(r) }
        codes.withUnsafeMutableBufferPointer { codes in
            rank.withUnsafeBufferPointer { rank in
                for i in codes.indices where codes[i] >= 0 { codes[i] = rank[Int(codes[i])] }
            }
        }
        return try alpha(unitCodes: codes, coders: coders, domain: order.map { seen[$0] }, level: level)
    }

    /// Nominal Krippendorff's alpha on arbitrary labels (`data[coder][unit]`, `nil` =
    /// missing); identical to the numeric version at level `.nominal`.
    public static func krippendorffAlpha<Label: Hashable>(nominal data: [[Label?]]) throws(MetricsError) -> Double {
        guard let units = data.first?.count else { throw MetricsError(.empty, "Krippendorff's alpha needs at least one coder") }
        for (c, coder) in data.enumerated() { try requireSameLength(coder.count, units, "coder \(c) and coder 0 unit counts") }
        let coders = data.count
        var index: [Label: Int32] = [:]
        var codes = [Int32](repeating: -1, count: units * coders)
        for (c, coder) in data.enumerated() {
            for (u, x) in coder.enumerated() {
                guard let x else { continue }
                if let known = index[x] {
                    codes[u * coders + c] = known
                } else {
                    codes[u * coders + c] = Int32(index.count)
                    index[x] = Int32(index.count)
                }
            }
        }
        return try alpha(unitCodes: codes, coders: coders, domain: (0..<index.count).map(Double.init), level: .nominal)
    }

    /// Alpha from `unitCodes[u·coders + c]` = the position in `domain` of the value coder `c`
    /// gave unit `u` (−1 when missing).
    private static func alpha(unitCodes: [Int32], coders: Int, domain: [Double], level: MeasurementLevel) throws(MetricsError)
        -> Double
    {
        let v = domain.count
        if v <= 1 { throw MetricsError(.invalidInput, "There has to be more than one value in the domain (found \(v)).") }
        let units = unitCodes.count / coders
        var flat = [Double](repeating: 0, count: v * v)
        var pairableUnits = 0
        // 1 / (m − 1) for a unit with m values: one division per coder count, not per term
        let weight = (0...coders).map { $0 < 2 ? 0 : 1 / Double($0 - 1) }
        var tally = [Int](repeating: 0, count: v)
        var present = [Int](repeating: 0, count: coders)
        // Coincidences are symmetric: each unordered pair of values is added once, to
        // `flat[min·v + max]`, and mirrored below (a pair of equal values stands for its two
        // orders, so the diagonal is doubled).
        unitCodes.withUnsafeBufferPointer { codes in
            flat.withUnsafeMutableBufferPointer { flat in
                tally.withUnsafeMutableBufferPointer { tally in
                    present.withUnsafeMutableBufferPointer { present in
                        for u in 0..<units {
                            // the unit's m values, gathered without a branch per coder
                            var m = 0
                            for c in 0..<coders {
                                let x = Int(codes[u &* coders &+ c])
                                present[m] = x
                                m &+= x >= 0 ? 1 : 0
                            }
                            // a unit with fewer than two values pairs nothing: every term is 0
                            if m < 2 { continue }
                            pairableUnits += 1
                            let w = weight[m]
                            if m <= 16 {
                                // few values: every pair of coders, m(m − 1)/2 additions
                                for i in 0..<m {
                                    let a = present[i]
                                    for j in (i &+ 1)..<m {
                                        let b = present[j]
                                        flat[Swift.min(a, b) &* v &+ Swift.max(a, b)] += w
                                    }
                                }
                                continue
                            }
                            // many values: count them, then n_c·n_k pairs per pair of distinct values
                            var d = 0
                            for i in 0..<m {
                                let x = present[i]
                                if tally[x] == 0 {
                                    present[d] = x
                                    d &+= 1
                                }
                                tally[x] &+= 1
                            }
                            for i in 0..<d {
                                let c = present[i], nc = tally[c]
                                flat[c &* v &+ c] += Double(nc &* (nc &- 1) / 2) * w
                                for j in (i &+ 1)..<d {
                                    let k = present[j]
                                    flat[Swift.min(c, k) &* v &+ Swift.max(c, k)] += Double(nc &* tally[k]) * w
                                }
                            }
                            for i in 0..<d { tally[present[i]] = 0 }
                        }
                    }
                }
                for c in 0..<v {
                    flat[c &* v &+ c] *= 2
                    for k in (c &+ 1)..<v { flat[k &* v &+ c] = flat[c &* v &+ k] }
                }
            }
        }
        if pairableUnits == 0 {
            throw MetricsError(.invalidInput, "There has to be at least one unit with values assigned by at least two coders.")
        }
        let o = (0..<v).map { Array(flat[$0 * v..<($0 + 1) * v]) }
        var nv = [Double](repeating: 0, count: v)
        for c in 0..<v { for k in 0..<v { nv[k] += o[c][k] } }
        let n = nv.reduce(0, +)
        var prefix = [Double](repeating: 0, count: v + 1)
        for i in 0..<v { prefix[i + 1] = prefix[i] + nv[i] }
        var num = 0.0, den = 0.0
        for c in 0..<v {
            for k in 0..<v {
                let d: Double
                switch level {
                case .nominal: d = c == k ? 0 : 1
                case .ordinal:
                    let lo = min(c, k), hi = max(c, k)
                    let s = prefix[hi + 1] - prefix[lo] - (nv[lo] + nv[hi]) / 2
                    d = s * s
                case .interval:
                    let diff = domain[c] - domain[k]
                    d = diff * diff
                case .ratio:
                    let sum = domain[c] + domain[k]
                    let r = sum == 0 ? 0 : (domain[c] - domain[k]) / sum
                    d = r * r
                }
                let e = (nv[c] * nv[k] - (c == k ? nv[c] : 0)) / (n - 1)
                num += o[c][k] * d
                den += e * d
            }
        }
        return 1 - num / den
    }
}
