/// A candidate supply project outside the restricting countries, as kept in the projects file
/// (Resources/Planning/projects.csv), each with its source.
public struct Project: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case operating, construction, feasibility, exploration
    }

    public var id: String
    public var name: String
    public var owner: String
    /// ISO3 code.
    public var country: String
    /// The stage its output supplies (`family:stage`), as written in the file.
    public var stage: String
    /// Nameplate capacity a year, on the file's `capacityBasis`.
    public var capacityTonnes: Double
    public var capacityBasis: String
    /// Tonnes of the stage's content basis per tonne of capacity (LCE → Li₂O 0.4044).
    public var stageFactor: Double
    public var status: Status
    public var startYear: Int
    /// Published capital cost, USD; nil: not published (never 0).
    public var capexUSD: Double?
    public var figureDate: String
    public var source: String
    public var url: String
    public var note: String

    public init(id: String, name: String, owner: String, country: String, stage: String, capacityTonnes: Double, capacityBasis: String,
                stageFactor: Double = 1, status: Status, startYear: Int, capexUSD: Double?, figureDate: String = "", source: String,
                url: String = "", note: String = "") {
        self.id = id
        self.name = name
        self.owner = owner
        self.country = country
        self.stage = stage
        self.capacityTonnes = capacityTonnes
        self.capacityBasis = capacityBasis
        self.stageFactor = stageFactor
        self.status = status
        self.startYear = startYear
        self.capexUSD = capexUSD
        self.figureDate = figureDate
        self.source = source
        self.url = url
        self.note = note
    }

    /// Capacity on the stage's content basis, tonnes a year.
    public var stageTonnes: Double { capacityTonnes * stageFactor }
}

/// The planning model's cited assumptions (Resources/Planning/planning-parameters.json).
public struct PlanningParameters: Hashable, Sendable, Codable {
    public struct StatusEntry: Hashable, Sendable, Codable {
        /// Years from financing to output for a financed project at this status.
        public var financedLeadYears: Double
        /// Probability that an announced project at this status comes online if the plan does
        /// not finance it, and the delay beyond its announced year when it does.
        public var probabilityUnfinanced: Double
        public var delayYearsUnfinanced: Double
        /// Whether permitting is still ahead (a faster permitting speed-up shortens it).
        public var permittingAhead: Bool
        public var source: String
    }

    public struct Growth: Hashable, Sendable, Codable {
        /// Annual growth of consumption, e.g. 0.08.
        public var rate: Double
        public var source: String
    }

    public var version: String
    public var statuses: [String: StatusEntry]
    /// By family; a family without an entry keeps its base-year consumption.
    public var growth: [String: Growth]

    public func entry(_ status: Project.Status) -> StatusEntry? { statuses[status.rawValue] }

    public func validate() throws(LodestoneError) {
        for status in Project.Status.allCases where status != .operating && statuses[status.rawValue] == nil {
            throw .invalidParameter("planning parameters: no entry for status '\(status.rawValue)'")
        }
        for (name, e) in statuses {
            guard e.financedLeadYears.isFinite, e.financedLeadYears >= 0, (0...1).contains(e.probabilityUnfinanced),
                  e.delayYearsUnfinanced.isFinite, e.delayYearsUnfinanced >= 0 else {
                throw .invalidParameter("planning parameters '\(name)': lead and delay years must be ≥ 0 and the probability in 0–1")
            }
        }
        for (name, g) in growth where !(g.rate.isFinite && g.rate > -0.5 && g.rate < 1) {
            throw .invalidParameter("planning parameters: growth of \(name) \(g.rate) must be between −0.5 and 1 a year")
        }
    }
}
