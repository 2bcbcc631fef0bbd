import Foundation
import LodestoneCore

/// COIN-OR CBC (EPL 2.0) through its C interface (`Cbc_C_Interface.h`), loaded at run time, so
/// the build needs no solver and a machine without one is told how to install it. Debian and
/// Ubuntu ship it as `coinor-libcbc3` (`scripts/install-deps.sh` installs it); another build of
/// the library can be named with `LODESTONE_CBC_LIBRARY=/path/libCbcSolver.so` (then only it is tried).
///
/// LPs go to CBC's LP solver (CLP); MIPs to branch and cut, stopped at `timeLimitSeconds` and at
/// a relative gap of 1e-6, with the best bound reported beside the objective.
public struct CBCSolver: LinearProgramSolver {
    public let name: String
    private let api: API

    /// Library names tried in order after `LODESTONE_CBC_LIBRARY`.
    public static let libraryNames = ["libCbcSolver.so.3", "libCbcSolver.so", "libCbcSolver.dylib", "/opt/homebrew/lib/libCbcSolver.dylib"]
    public static let installAdvice = "the planning commands need the CBC solver library (libCbcSolver): on Debian or Ubuntu run "
        + "'sudo apt-get install coinor-libcbc3' (or 'bash scripts/install-deps.sh'), on macOS 'brew install cbc'; "
        + "or point LODESTONE_CBC_LIBRARY at libCbcSolver"

    /// Loads the library, or throws `.unavailable` with how to install it.
    public init() throws(LodestoneError) {
        // A named library is the only one tried: a wrong path is reported, not silently replaced.
        let candidates = ProcessInfo.processInfo.environment["LODESTONE_CBC_LIBRARY"].map { [$0] } ?? Self.libraryNames
        guard let handle = candidates.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            throw .unavailable(Self.installAdvice)
        }
        guard let api = API(handle) else {
            throw .unavailable("the CBC library found lacks functions of its C interface (version 2.10 or later is needed); " + Self.installAdvice)
        }
        self.api = api
        name = "CBC " + String(cString: api.getVersion())
    }

    public func solve(_ program: LinearProgram, timeLimitSeconds: Double, cancellation: CancellationFlag?) throws(LodestoneError) -> LinearProgramSolution {
        try cancellation.check()
        let columns = program.columns, rows = program.rows
        guard columns.count < Int32.max, rows.count < Int32.max else { throw .invalidParameter("the program is too large for CBC") }
        let (start, index, value) = program.compressedColumns()
        guard start.last ?? 0 < Int32.max else { throw .invalidParameter("the program has too many nonzeros for CBC") }
        func finite(_ x: Double) -> Double { x.isInfinite ? (x > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude) : x }

        let model = api.newModel()
        defer { api.deleteModel(model) }
        let start32 = start.map { Int32($0) }, index32 = index.map { Int32($0) }
        let colLower = columns.map { finite($0.lower) }, colUpper = columns.map { finite($0.upper) }, cost = columns.map(\.cost)
        let rowLower = rows.map { finite($0.lower) }, rowUpper = rows.map { finite($0.upper) }
        api.loadProblem(model, Int32(columns.count), Int32(rows.count), start32, index32, value, colLower, colUpper, cost, rowLower, rowUpper)
        for (j, column) in columns.enumerated() where column.isInteger { api.setInteger(model, Int32(j)) }
        api.setObjSense(model, 1)
        api.setLogLevel(model, 0)
        api.setParameter(model, "log", "0")
        api.setParameter(model, "slog", "0")
        api.setMaximumSeconds(model, max(0.1, timeLimitSeconds))
        api.setAllowableFractionGap(model, 1e-6)
        _ = api.solve(model)
        try cancellation.check()

        let status: LinearProgramSolution.Status
        let hasSolution: Bool
        if api.isProvenInfeasible(model) != 0 {
            // CBC reports an unbounded program as infeasible too: the same constraints with no
            // objective tell them apart (feasible then means unbounded before).
            (status, hasSolution) = (try isFeasible(program, timeLimitSeconds: timeLimitSeconds) ? .unbounded : .infeasible, false)
        } else if api.isContinuousUnbounded(model) != 0 {
            (status, hasSolution) = (.unbounded, false)
        } else if api.isProvenOptimal(model) != 0 {
            (status, hasSolution) = (.optimal, true)
        } else {
            let values = api.getColSolution(model)
            let candidate = values.map { Array(UnsafeBufferPointer(start: $0, count: columns.count)) } ?? []
            let feasible = candidate.count == columns.count && program.violation(at: candidate) <= 1e-6
            (status, hasSolution) = (feasible ? .timeLimitWithSolution : .timeLimitWithoutSolution, feasible)
        }
        guard hasSolution, let pointer = api.getColSolution(model) else {
            return LinearProgramSolution(status: status, objective: nil, bestBound: nil, values: [], solver: name)
        }
        let values = Array(UnsafeBufferPointer(start: pointer, count: columns.count))
        let objective = program.objective(at: values)
        let bound = program.hasIntegers ? api.getBestPossibleObjValue(model) + program.objectiveConstant : objective
        return LinearProgramSolution(status: status, objective: objective, bestBound: min(bound, objective), values: values, solver: name)
    }

    private func isFeasible(_ program: LinearProgram, timeLimitSeconds: Double) throws(LodestoneError) -> Bool {
        guard program.columns.contains(where: { $0.cost != 0 }) else { return false }
        var feasibility = LinearProgram()
        for column in program.columns { feasibility.addColumn(cost: 0, lower: column.lower, upper: column.upper, integer: column.isInteger) }
        for row in program.rows { feasibility.addRow(row.entries, lower: row.lower, upper: row.upper) }
        return try solve(feasibility, timeLimitSeconds: timeLimitSeconds, cancellation: nil).hasSolution
    }

    /// The C functions used, looked up once.
    private struct API: @unchecked Sendable {
        typealias Model = OpaquePointer
        let newModel: @convention(c) () -> Model
        let deleteModel: @convention(c) (Model) -> Void
        let loadProblem: @convention(c) (Model, Int32, Int32, UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafePointer<Double>,
                                         UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>,
                                         UnsafePointer<Double>) -> Void
        let setInteger: @convention(c) (Model, Int32) -> Void
        let setObjSense: @convention(c) (Model, Double) -> Void
        let setLogLevel: @convention(c) (Model, Int32) -> Void
        let setParameter: @convention(c) (Model, UnsafePointer<CChar>, UnsafePointer<CChar>) -> Void
        let setMaximumSeconds: @convention(c) (Model, Double) -> Void
        let setAllowableFractionGap: @convention(c) (Model, Double) -> Void
        let solve: @convention(c) (Model) -> Int32
        let isProvenOptimal: @convention(c) (Model) -> Int32
        let isProvenInfeasible: @convention(c) (Model) -> Int32
        let isContinuousUnbounded: @convention(c) (Model) -> Int32
        let getColSolution: @convention(c) (Model) -> UnsafePointer<Double>?
        let getBestPossibleObjValue: @convention(c) (Model) -> Double
        let getVersion: @convention(c) () -> UnsafePointer<CChar>

        init?(_ handle: UnsafeMutableRawPointer) {
            func load<T>(_ symbol: String, as: T.Type) -> T? {
                dlsym(handle, symbol).map { unsafeBitCast($0, to: T.self) }
            }
            guard let newModel = load("Cbc_newModel", as: (@convention(c) () -> Model).self),
                  let deleteModel = load("Cbc_deleteModel", as: (@convention(c) (Model) -> Void).self),
                  let loadProblem = load("Cbc_loadProblem", as: (@convention(c) (Model, Int32, Int32, UnsafePointer<Int32>, UnsafePointer<Int32>,
                                                                                 UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>,
                                                                                 UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>) -> Void).self),
                  let setInteger = load("Cbc_setInteger", as: (@convention(c) (Model, Int32) -> Void).self),
                  let setObjSense = load("Cbc_setObjSense", as: (@convention(c) (Model, Double) -> Void).self),
                  let setLogLevel = load("Cbc_setLogLevel", as: (@convention(c) (Model, Int32) -> Void).self),
                  let setParameter = load("Cbc_setParameter", as: (@convention(c) (Model, UnsafePointer<CChar>, UnsafePointer<CChar>) -> Void).self),
                  let setMaximumSeconds = load("Cbc_setMaximumSeconds", as: (@convention(c) (Model, Double) -> Void).self),
                  let setAllowableFractionGap = load("Cbc_setAllowableFractionGap", as: (@convention(c) (Model, Double) -> Void).self),
                  let solve = load("Cbc_solve", as: (@convention(c) (Model) -> Int32).self),
                  let isProvenOptimal = load("Cbc_isProvenOptimal", as: (@convention(c) (Model) -> Int32).self),
                  let isProvenInfeasible = load("Cbc_isProvenInfeasible", as: (@convention(c) (Model) -> Int32).self),
                  let isContinuousUnbounded = load("Cbc_isContinuousUnbounded", as: (@convention(c) (Model) -> Int32).self),
                  let getColSolution = load("Cbc_getColSolution", as: (@convention(c) (Model) -> UnsafePointer<Double>?).self),
                  let getBestPossibleObjValue = load("Cbc_getBestPossibleObjValue", as: (@convention(c) (Model) -> Double).self),
                  let getVersion = load("Cbc_getVersion", as: (@convention(c) () -> UnsafePointer<CChar>).self)
            else { return nil }
            (self.newModel, self.deleteModel, self.loadProblem, self.setInteger, self.setObjSense) = (newModel, deleteModel, loadProblem, setInteger, setObjSense)
            (self.setLogLevel, self.setParameter, self.setMaximumSeconds, self.setAllowableFractionGap) = (setLogLevel, setParameter, setMaximumSeconds, setAllowableFractionGap)
            (self.solve, self.isProvenOptimal, self.isProvenInfeasible, self.isContinuousUnbounded) = (solve, isProvenOptimal, isProvenInfeasible, isContinuousUnbounded)
            (self.getColSolution, self.getBestPossibleObjValue, self.getVersion) = (getColSolution, getBestPossibleObjValue, getVersion)
        }
    }
}
