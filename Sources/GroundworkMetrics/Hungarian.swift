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
        let solver = Solver(rows: rows, columns: cols)
        defer { solver.free() }
        for i in 0..<rows { for j in 0..<cols { solver.setCost(i, j, sign * matrix[i][j]) } }
        var pairs: [AssignedPair] = []
        var total = 0.0
        solver.solve { r, c in
            pairs.append(AssignedPair(row: r, column: c))
            total += matrix[r][c]
        }
        return AssignmentResult(pairs: pairs, total: total)
    }

    /// The Hungarian method on one flat cost matrix, minimising, with all its working arrays
    /// in one allocation: the matchers call it once per phase of every image, where arrays
    /// of arrays and an allocation per array cost more than the solving.
    struct Solver {
        let rows: Int
        let columns: Int
        /// Rows and columns are swapped internally when there are more rows than columns.
        private let transposed: Bool
        private let n: Int, m: Int
        /// `cost[i·(m+1) + j]`, 1-based as in the classic formulation; then u, v, minv.
        private let reals: UnsafeMutablePointer<Double>
        /// p (row assigned to each column, 0 = none), way, used.
        private let ints: UnsafeMutablePointer<Int>

        init(rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
            transposed = rows > columns
            n = transposed ? columns : rows
            m = transposed ? rows : columns
            let realCount = (n + 1) * (m + 1) + (n + 1) + 2 * (m + 1)
            reals = .allocate(capacity: realCount)
            reals.initialize(repeating: 0, count: realCount)
            ints = .allocate(capacity: 3 * (m + 1))
            ints.initialize(repeating: 0, count: 3 * (m + 1))
        }

        func free() {
            reals.deallocate()
            ints.deallocate()
        }

        /// Sets the cost of row `i`, column `j` (0-based, as given).
        @inline(__always)
        func setCost(_ i: Int, _ j: Int, _ value: Double) {
            let (a, b) = transposed ? (j, i) : (i, j)
            reals[(a + 1) * (m + 1) + (b + 1)] = value
        }

        /// Solves and calls `pair(row, column)` for the `min(rows, columns)` pairs in
        /// increasing row order.
        func solve(_ pair: (Int, Int) -> Void) {
            let stride = m + 1
            let cost = reals
            let u = reals + (n + 1) * stride
            let v = u + (n + 1)
            let minv = v + (m + 1)
            let p = ints, way = ints + stride, used = ints + 2 * stride
            for i in 1...n {
                p[0] = i
                var j0 = 0
                for j in 0...m { minv[j] = .infinity; used[j] = 0 }
                while true {
                    used[j0] = 1
                    let i0 = p[j0]
                    var delta = Double.infinity
                    var j1 = 0
                    let row = cost + i0 * stride
                    let ui0 = u[i0]
                    for j in 1...m where used[j] == 0 {
                        let cur = row[j] - ui0 - v[j]
                        if cur < minv[j] { minv[j] = cur; way[j] = j0 }
                        if minv[j] < delta { delta = minv[j]; j1 = j }
                    }
                    for j in 0...m {
                        if used[j] != 0 { u[p[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
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
            if transposed {
                // column j of the internal matrix is row j − 1 of the caller's: already in row order
                for j in 1...m where p[j] != 0 { pair(j - 1, p[j] - 1) }
            } else {
                // p maps internal columns to rows; invert it (way is free now) for row order
                for i in 0...n { way[i] = 0 }
                for j in 1...m where p[j] != 0 { way[p[j]] = j }
                for i in 1...n where way[i] != 0 { pair(i - 1, way[i] - 1) }
            }
        }
    }
}
