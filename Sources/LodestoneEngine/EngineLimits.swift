/// How much one request may ask for. A request beyond a limit is refused with a usage error
/// that names the limit, never attempted.
public struct EngineLimits: Sendable, Hashable, Codable {
    /// Importers in one scenario run.
    public var maxImporters: Int
    /// Countries, groups or names joined with '+' in one importer, or listed in one option.
    public var maxNamesPerList: Int
    /// Characters in one name or list as typed.
    public var maxTextLength: Int
    /// Commodities in one request.
    public var maxCommodities: Int
    /// Simulated years in one priorities request. The memory limit
    /// (`RestrictionRisk.memoryLimitBytes`) applies as well, whatever this says.
    public var maxDraws: Int
    /// Simulated years in one stockpile or investment plan: each is a block of the LP or MILP
    /// the solver must take.
    public var maxPlanDraws: Int

    public init(maxImporters: Int = 24, maxNamesPerList: Int = 64, maxTextLength: Int = 2_000, maxCommodities: Int = 64,
                maxDraws: Int = .max, maxPlanDraws: Int = .max) {
        self.maxPlanDraws = maxPlanDraws
        self.maxImporters = maxImporters
        self.maxNamesPerList = maxNamesPerList
        self.maxTextLength = maxTextLength
        self.maxCommodities = maxCommodities
        self.maxDraws = maxDraws
    }

    /// For a server shared by many: priorities of every default stage at 1,000,000 draws take
    /// seconds on two cores and about 100 MB, so one request cannot hold the machine. A stockpile
    /// plan over 10,000 years solves in about 6 s (scripts/bench/plan.sh); 100,000 ran past a
    /// minute, so plans stop at 10,000 (the default).
    public static let server = EngineLimits(maxDraws: 1_000_000, maxPlanDraws: 10_000)
}
