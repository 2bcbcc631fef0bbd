/// Dense linear solves for the tracing model: small (a few hundred unknowns), well conditioned
/// (diagonally dominant by columns once exports are capped at supply), so plain LU with partial
/// pivoting in Double is accurate to ~1e-12 relative.
enum LinearSolver {
    /// The LU factors of a square matrix with partial pivoting (PA = LU), computed once and then
    /// used for any number of right-hand sides, of the matrix or of its transpose: a scenario
    /// run or a priorities shock table solves one trade network many times.
    ///
    /// Trade matrices are sparse (a country imports from a few dozen others), so elimination
    /// skips zero multipliers and updates only the pivot row's nonzero columns.
    struct Factors: Sendable {
        let size: Int
        /// L strictly below the diagonal (unit diagonal implied), U on and above it; row-major.
        private let lu: [Double]
        /// At step k, row k was swapped with row `swaps[k]` (≥ k).
        private let swaps: [Int]

        /// Nil when the matrix is singular (only a closed loop of countries that re-export
        /// everything they import could make a trade matrix so).
        init?(matrix: [Double], size n: Int) {
            precondition(matrix.count == n * n, "a \(n) × \(n) matrix needs \(n * n) entries")
            var a = matrix
            var swaps = [Int](repeating: 0, count: n)
            var singular = false
            a.withUnsafeMutableBufferPointer { a in
                var nonzero: [Int] = []
                nonzero.reserveCapacity(n)
                for column in 0..<n {
                    var pivot = column, best = abs(a[column * n + column])
                    for row in (column + 1)..<max(column + 1, n) where abs(a[row * n + column]) > best {
                        best = abs(a[row * n + column])
                        pivot = row
                    }
                    guard best > 1e-14 else { singular = true; return }
                    swaps[column] = pivot
                    if pivot != column {
                        for k in 0..<n { a.swapAt(column * n + k, pivot * n + k) }
                    }
                    let diagonal = a[column * n + column]
                    nonzero.removeAll(keepingCapacity: true)
                    for k in (column + 1)..<max(column + 1, n) where a[column * n + k] != 0 { nonzero.append(k) }
                    for row in (column + 1)..<max(column + 1, n) where a[row * n + column] != 0 {
                        let factor = a[row * n + column] / diagonal
                        a[row * n + column] = factor
                        for k in nonzero { a[row * n + k] -= factor * a[column * n + k] }
                    }
                }
            }
            if singular { return nil }
            size = n
            lu = a
            self.swaps = swaps
        }

        /// x with A·x = rhs.
        func solve(_ rhs: [Double]) -> [Double] {
            let n = size
            var x = rhs
            lu.withUnsafeBufferPointer { a in
                for k in 0..<n where swaps[k] != k { x.swapAt(k, swaps[k]) }
                for row in 0..<n {
                    var sum = x[row]
                    for k in 0..<row { sum -= a[row * n + k] * x[k] }
                    x[row] = sum
                }
                for row in stride(from: n - 1, through: 0, by: -1) {
                    var sum = x[row]
                    for k in (row + 1)..<max(row + 1, n) { sum -= a[row * n + k] * x[k] }
                    x[row] = sum / a[row * n + row]
                }
            }
            return x
        }

        /// x with Aᵀ·x = rhs: Aᵀ = Uᵀ·Lᵀ·P, solved forward through Uᵀ, back through Lᵀ, then
        /// the swaps undone in reverse order.
        func solveTransposed(_ rhs: [Double]) -> [Double] {
            let n = size
            var x = rhs
            lu.withUnsafeBufferPointer { a in
                for row in 0..<n {
                    var sum = x[row]
                    for k in 0..<row { sum -= a[k * n + row] * x[k] }
                    x[row] = sum / a[row * n + row]
                }
                for row in stride(from: n - 1, through: 0, by: -1) {
                    var sum = x[row]
                    for k in (row + 1)..<max(row + 1, n) { sum -= a[k * n + row] * x[k] }
                    x[row] = sum
                }
                for k in stride(from: n - 1, through: 0, by: -1) where swaps[k] != k { x.swapAt(k, swaps[k]) }
            }
            return x
        }
    }

    /// Solves `matrix · x = rhs` for a row-major `size × size` matrix; nil when it is singular.
    static func solve(matrix: [Double], size n: Int, rhs: [Double]) -> [Double]? {
        Factors(matrix: matrix, size: n)?.solve(rhs)
    }
}
