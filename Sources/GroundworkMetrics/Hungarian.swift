/// Optimal one-to-one assignment on rectangular matrices (Hungarian method with
/// potentials, the Jonker–Volgenant style shortest augmenting path; O(n²·m) for
/// n ≤ m, so O(n³) on square matrices).
public enum Assignment {}

/// One row–column pair chosen by ``Assignment``.
public struct AssignedPair: Sendable, Hashable {
    public var row: Int
    public var column: Int

    /// Creates the value from its parts (no validation beyond the types).
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// The pairs of an optimal assignment and their total.
public struct AssignmentResult: Sendable, Equatable {
    /// `min(rows, columns)` pairs, sorted by row; every row and column is used at most once.
    public var pairs: [AssignedPair]
    /// Sum of the matrix entries of `pairs`.
    public var total: Double
}

extension Assignment {
    /// An assignment of `min(rows, columns)` pairs with the largest total, as
    /// `scipy.optimize.linear_sum_assignment(matrix, maximize=True)`. When several
    /// assignments tie, which one is returned is unspecified (the total is what is pinned
    /// against scipy).
    ///
    /// - Throws: ``MetricsError`` if the matrix is ragged or has a non-finite entry.
    public static func maximize(_ matrix: [[Double]]) throws(MetricsError) -> AssignmentResult {
        try solve(matrix, sign: -1)
    }

    /// An assignment of `min(rows, columns)` pairs with the smallest total, as
    /// `scipy.optimize.linear_sum_assignment(matrix)`.
    ///
    /// - Throws: ``MetricsError`` if the matrix is ragged or has a non-finite entry.
    public static func minimize(_ matrix: [[Double]]) throws(MetricsError) -> AssignmentResult {
        try solve(matrix, sign: 1)
    }

    private static func solve(_ matrix: [[Double]], sign: Double) throws(MetricsError) -> AssignmentResult {
        let rows = matrix.count
        let cols = matrix.first?.count ?? 0
        for (i, row) in matrix.enumerated() {
            if row.count != cols {
                throw MetricsError(.invalidInput, "matrix row \(i) has \(row.count) entries; row 0 has \(cols)")
            }
            for (j, v) in row.enumerated() where !v.isFinite {
                throw MetricsError(.nonFinite, "matrix[\(i)][\(j)] is \(v); entries must be finite")
            }
        }
        if rows == 0 || cols == 0 { return AssignmentResult(pairs: [], total: 0) }
        let transposed = rows > cols
        let n = transposed ? cols : rows
        let m = transposed ? rows : cols
        // cost[i][j], 1-based internally as in the classic formulation.
        var cost = [Double](repeating: 0, count: (n + 1) * (m + 1))
        for i in 0..<rows {
            for j in 0..<cols {
                let (a, b) = transposed ? (j, i) : (i, j)
                cost[(a + 1) * (m + 1) + (b + 1)] = sign * matrix[i][j]
            }
        }
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: m + 1)
        var p = [Int](repeating: 0, count: m + 1)  // p[j]: row assigned to column j (0 = none)
        var way = [Int](repeating: 0, count: m + 1)
        var minv = [Double](repeating: 0, count: m + 1)
        var used = [Bool](repeating: false, count: m + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            for j in 0...m { minv[j] = .infinity; used[j] = false }
            while true {
                used[j0] = true
                let i0 = p[j0]
                var delta = Double.infinity
                var j1 = 0
                for j in 1...m where !used[j] {
                    let cur = cost[i0 * (m + 1) + j] - u[i0] - v[j]
                    if cur < minv[j] { minv[j] = cur; way[j] = j0 }
                    if minv[j] < delta { delta = minv[j]; j1 = j }
                }
                for j in 0...m {
                    if used[j] { u[p[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
                }
                j0 = j1
                if p[j0] == 0 { break }
            }
            while j0 != 0 {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            }
        }
        var pairs: [AssignedPair] = []
        var total = 0.0
        for j in 1...m where p[j] != 0 {
            let (r, c) = transposed ? (j - 1, p[j] - 1) : (p[j] - 1, j - 1)
            pairs.append(AssignedPair(row: r, column: c))
            total += matrix[r][c]
        }
        pairs.sort { $0.row < $1.row }
        return AssignmentResult(pairs: pairs, total: total)
    }
}
