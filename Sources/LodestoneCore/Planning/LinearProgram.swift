/// A linear or mixed-integer program in the form every solver takes:
///     minimise Σⱼ cⱼ·xⱼ + `objectiveConstant`
///     subject to  lᵢ ≤ Σⱼ aᵢⱼ·xⱼ ≤ uᵢ  for each row i,  Lⱼ ≤ xⱼ ≤ Uⱼ,  xⱼ integer where marked.
/// Bounds may be ±∞. Planning models build one and hand it to a `LinearProgramSolver`.
public struct LinearProgram: Sendable {
    public struct Column: Sendable {
        public var cost: Double
        public var lower: Double
        public var upper: Double
        public var isInteger: Bool
    }

    public struct Row: Sendable {
        public var lower: Double
        public var upper: Double
        /// (column, coefficient), each column at most once.
        public var entries: [(column: Int, coefficient: Double)]
    }

    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []
    public var objectiveConstant = 0.0

    public init() {}

    /// Adds a column and returns its index.
    @discardableResult
    public mutating func addColumn(cost: Double, lower: Double = 0, upper: Double = .infinity, integer: Bool = false) -> Int {
        columns.append(Column(cost: cost, lower: lower, upper: upper, isInteger: integer))
        return columns.count - 1
    }

    /// Adds the row lower ≤ Σ coefficient·x[column] ≤ upper.
    public mutating func addRow(_ entries: [(column: Int, coefficient: Double)], lower: Double = -.infinity, upper: Double = .infinity) {
        rows.append(Row(lower: lower, upper: upper, entries: entries))
    }

    public var hasIntegers: Bool { columns.contains { $0.isInteger } }

    /// The objective at `values` (constant included).
    public func objective(at values: [Double]) -> Double {
        zip(columns, values).reduce(objectiveConstant) { $0 + $1.0.cost * $1.1 }
    }

    /// The largest violation of a bound or row at `values` (0 when feasible).
    public func violation(at values: [Double]) -> Double {
        var worst = 0.0
        for (column, x) in zip(columns, values) { worst = max(worst, column.lower - x, x - column.upper) }
        for row in rows {
            let activity = row.entries.reduce(0) { $0 + $1.coefficient * values[$1.column] }
            worst = max(worst, row.lower - activity, activity - row.upper)
        }
        return worst
    }

    /// Compressed sparse columns of the constraint matrix: start (count + 1), row index, value.
    public func compressedColumns() -> (start: [Int], index: [Int], value: [Double]) {
        var counts = [Int](repeating: 0, count: columns.count)
        for row in rows { for entry in row.entries { counts[entry.column] += 1 } }
        var start = [0]
        start.reserveCapacity(columns.count + 1)
        for count in counts { start.append(start[start.count - 1] + count) }
        var next = Array(start.dropLast()), index = [Int](repeating: 0, count: start[start.count - 1])
        var value = [Double](repeating: 0, count: index.count)
        for (i, row) in rows.enumerated() {
            for entry in row.entries {
                index[next[entry.column]] = i
                value[next[entry.column]] = entry.coefficient
                next[entry.column] += 1
            }
        }
        return (start, index, value)
    }
}

/// What a solver found.
public struct LinearProgramSolution: Sendable {
    public enum Status: String, Sendable, Codable {
        /// Proven optimal (for a MIP: within the solver's relative gap).
        case optimal
        case infeasible
        case unbounded
        /// Stopped by its time limit with a feasible solution, not proven optimal.
        case timeLimitWithSolution = "time-limit-with-solution"
        /// Stopped by its time limit before any feasible solution.
        case timeLimitWithoutSolution = "time-limit-without-solution"
    }

    public var status: Status
    /// Objective of `values` (constant included); nil without a solution.
    public var objective: Double?
    /// The best bound the solver proved (a MIP's lower bound); equals `objective` for an LP.
    public var bestBound: Double?
    public var values: [Double]
    public var solver: String

    public init(status: Status, objective: Double?, bestBound: Double?, values: [Double], solver: String) {
        self.status = status
        self.objective = objective
        self.bestBound = bestBound
        self.values = values
        self.solver = solver
    }

    /// Relative gap between the objective and the best bound, |obj − bound| / max(1, |obj|).
    public var relativeGap: Double? {
        guard let objective, let bestBound else { return nil }
        return abs(objective - bestBound) / max(1, abs(objective))
    }

    public var hasSolution: Bool { status == .optimal || status == .timeLimitWithSolution }
}

/// A real LP/MILP solver behind the project's own seam. Implementations live outside Core (they
/// load a library); planning models depend only on this.
public protocol LinearProgramSolver: Sendable {
    /// Name and version, e.g. "CBC 2.10.8".
    var name: String { get }
    /// Solves `program`, stopping after `timeLimitSeconds`; throws `.cancelled` once
    /// `cancellation` is set (checked before and after the solve).
    func solve(_ program: LinearProgram, timeLimitSeconds: Double, cancellation: CancellationFlag?) throws(LodestoneError) -> LinearProgramSolution
}
