import Testing
@testable import LodestoneCore

/// The LU factors every solve on a trade network shares: the matrix and its transpose, with
/// row swaps, on right-hand sides checked by multiplying back.
@Suite struct LinearSolverTests {
    /// Row-major; the first pivot is 0, so the factorisation must swap rows.
    let matrix: [Double] = [
        0, 2, 1, 0,
        3, 1, 0, 2,
        1, 0, 4, 1,
        0, 5, 1, 3,
    ]

    func product(_ m: [Double], _ x: [Double], transposed: Bool = false) -> [Double] {
        let n = x.count
        return (0..<n).map { row in (0..<n).reduce(0) { $0 + (transposed ? m[$1 * n + row] : m[row * n + $1]) * x[$1] } }
    }

    @Test func solvesTheMatrixAndItsTransposeFromOneFactorisation() throws {
        let factors = try #require(LinearSolver.Factors(matrix: matrix, size: 4))
        for rhs in [[1.0, 0, 0, 0], [0, 0, 0, 1], [3, -1, 2.5, 7]] {
            let x = factors.solve(rhs), y = factors.solveTransposed(rhs)
            for (got, want) in zip(product(matrix, x), rhs) { #expect(abs(got - want) < 1e-12) }
            for (got, want) in zip(product(matrix, y, transposed: true), rhs) { #expect(abs(got - want) < 1e-12) }
        }
    }

    @Test func aSingularMatrixHasNoFactors() {
        // The fourth row is the sum of the first two.
        let singular: [Double] = [1, 2, 0, 1, 0, 1, 1, 0, 2, 0, 1, 3, 1, 3, 1, 1]
        #expect(LinearSolver.Factors(matrix: singular, size: 4) == nil)
        #expect(LinearSolver.solve(matrix: singular, size: 4, rhs: [1, 1, 1, 1]) == nil)
    }
}
