/// Dense linear solves for the tracing model: small (a few hundred unknowns), well conditioned
/// (diagonally dominant by columns once exports are capped at supply), so plain LU with partial
/// pivoting in Double is accurate to ~1e-12 relative.
enum LinearSolver {
    /// Solves `matrix · x = rhs` for a row-major `size × size` matrix; nil when it is singular
    /// (only a closed loop of countries that re-export everything they import could make it so).
    static func solve(matrix: [Double], size n: Int, rhs: [Double]) -> [Double]? {
        var a = matrix
        var b = rhs
        for column in 0..<n {
            var pivot = column
            var best = abs(a[column * n + column])
            for row in (column + 1)..<max(column + 1, n) where abs(a[row * n + column]) > best {
                best = abs(a[row * n + column])
                pivot = row
            }
            guard best > 1e-14 else { return nil }
            if pivot != column {
                for k in 0..<n { a.swapAt(column * n + k, pivot * n + k) }
                b.swapAt(column, pivot)
            }
            let diagonal = a[column * n + column]
            for row in (column + 1)..<max(column + 1, n) {
                let factor = a[row * n + column] / diagonal
                if factor == 0 { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<max(row + 1, n) { sum -= a[row * n + k] * x[k] }
            x[row] = sum / a[row * n + row]
        }
        return x
    }
}
