/// An export restriction: who restricts which commodities, against whom, how hard, how long.
public struct RestrictionScenario: Hashable, Sendable, Codable {
    /// Which importers the restriction applies to.
    public enum Targets: Hashable, Sendable, Codable {
        case everyone
        case only([CountryCode])
        case everyoneExcept([CountryCode])

        public func includes(_ country: CountryCode) -> Bool {
            switch self {
            case .everyone: true
            case .only(let list): list.contains(country)
            case .everyoneExcept(let list): !list.contains(country)
            }
        }
    }

    public var name: String
    public var restricting: [CountryCode]
    public var commodities: [CommodityID]
    public var targets: Targets
    /// Share of the restricting countries' exports to targets that is withheld, 0...1.
    public var severity: Double
    /// Whether re-exports of material that originated in a restricting country are covered too
    /// (as in China's October 2025 rules), traced through third countries.
    public var extraterritorial: Bool
    /// Length of the disruption in years; losses and costs scale with it. Default one year.
    public var durationYears: Double
    /// Severities for some commodities instead of `severity` (a licensing regime's effective
    /// severity, measured per commodity from observed export drops).
    public var severityByCommodity: [CommodityID: Double]
    /// The restricting countries' own output of some commodities changes by this share during
    /// the event (a concurrent production quota: −0.0645 is a 6.45 % cut), −1...1.
    public var outputChangeByCommodity: [CommodityID: Double]

    public init(name: String, restricting: [CountryCode], commodities: [CommodityID], targets: Targets = .everyone,
                severity: Double, extraterritorial: Bool = false, durationYears: Double = 1,
                severityByCommodity: [CommodityID: Double] = [:], outputChangeByCommodity: [CommodityID: Double] = [:]) {
        self.name = name
        self.restricting = restricting
        self.commodities = commodities
        self.targets = targets
        self.severity = severity
        self.extraterritorial = extraterritorial
        self.durationYears = durationYears
        self.severityByCommodity = severityByCommodity
        self.outputChangeByCommodity = outputChangeByCommodity
    }

    /// Scenarios written before output changes existed have none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), restricting: try c.decode([CountryCode].self, forKey: .restricting),
                  commodities: try c.decode([CommodityID].self, forKey: .commodities), targets: try c.decode(Targets.self, forKey: .targets),
                  severity: try c.decode(Double.self, forKey: .severity), extraterritorial: try c.decode(Bool.self, forKey: .extraterritorial),
                  durationYears: try c.decode(Double.self, forKey: .durationYears),
                  severityByCommodity: try c.decode([CommodityID: Double].self, forKey: .severityByCommodity),
                  outputChangeByCommodity: try c.decodeIfPresent([CommodityID: Double].self, forKey: .outputChangeByCommodity) ?? [:])
    }

    /// The share of exports withheld for one commodity.
    public func severity(of commodity: CommodityID) -> Double { severityByCommodity[commodity] ?? severity }

    /// The commodities the scenario restricts: a stage listed at severity 0 is not controlled (tungsten
    /// ore in China's 2025 controls, listed only for its quota cut), and only its output change applies.
    public var controlledCommodities: [CommodityID] { commodities.filter { severity(of: $0) > 0 } }

    /// The longest disruption a scenario (and a stockpile plan's simulated disruption) may last:
    /// beyond it, capacity built in response, which the market model does not have, dominates.
    public static let longestDurationYears = 10.0

    /// Checks the definition against the data: every problem is a sentence saying what to fix.
    public func validate(in dataset: Dataset) throws(LodestoneError) {
        guard !restricting.isEmpty else { throw .invalidParameter("scenario '\(name)': name at least one restricting country") }
        guard !commodities.isEmpty else { throw .invalidParameter("scenario '\(name)': name at least one commodity") }
        guard severity.isFinite, (0...1).contains(severity) else {
            throw .invalidParameter("scenario '\(name)': severity \(severity) is outside 0–1 (the share of exports withheld)")
        }
        for (id, value) in severityByCommodity.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where !(value.isFinite && (0...1).contains(value)) {
            throw .invalidParameter("scenario '\(name)': severity \(value) for \(id) is outside 0–1 (the share of exports withheld)")
        }
        for (id, value) in outputChangeByCommodity.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where !(value.isFinite && (-1...1).contains(value)) {
            throw .invalidParameter("scenario '\(name)': output change \(value) for \(id) is outside −1 to 1 (a share of the restricting countries' output, e.g. -0.065 for a 6.5 % cut)")
        }
        // At least a day: a shorter disruption rounds every tonne to nothing.
        guard durationYears.isFinite, durationYears >= 1.0 / 365, durationYears <= Self.longestDurationYears else {
            throw .invalidParameter("scenario '\(name)': duration \(durationYears) years must be at least a day (0.0028) and at most \(Int(Self.longestDurationYears))")
        }
        for code in restricting where dataset.country(code) == nil { throw .unknownCountry(code.description, suggestion: nil) }
        for id in commodities where dataset.commodity(id) == nil { throw .unknownCommodity(id.rawValue, suggestion: nil) }
        switch targets {
        case .everyone: break
        case .only(let list), .everyoneExcept(let list):
            guard !list.isEmpty else { throw .invalidParameter("scenario '\(name)': the target list is empty") }
            if case .only = targets, Set(list).isSubset(of: Set(restricting)) {
                throw .invalidParameter("scenario '\(name)': the only targets are the restricting countries themselves")
            }
            if case .everyoneExcept = targets, !Set(list).isDisjoint(with: Set(restricting)) {
                throw .invalidParameter("scenario '\(name)': a restricting country cannot also be exempted from its own restriction")
            }
        }
    }
}
