/// A scenario as written in a file: countries by ISO3 or name, commodities by id or name, with
/// the event's dates and official source. `resolve(in:)` turns it into a `RestrictionScenario`.
public struct ScenarioDefinition: Hashable, Sendable, Codable {
    public struct TargetSpec: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
            case everyone, only
            case everyoneExcept = "everyone-except"
        }

        public var kind: Kind
        /// Countries or groups (for `only` and `everyone-except`).
        public var countries: [String]?

        public init(kind: Kind, countries: [String]? = nil) {
            self.kind = kind
            self.countries = countries
        }

        /// A kind the file misspells is refused with the kinds there are.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let text = try c.decode(String.self, forKey: .kind)
            guard let kind = Kind(rawValue: text) else {
                throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription:
                    "targets kind '\(text)' must be \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.init(kind: kind, countries: try c.decodeIfPresent([String].self, forKey: .countries))
        }
    }

    public var name: String
    public var title: String
    public var announced: String?
    public var effective: String?
    /// The legal instrument, e.g. "MOFCOM/GAC Announcement No. 23 of 2023".
    public var reference: String?
    public var url: String?
    public var restricting: [String]
    public var commodities: [String]
    public var targets: TargetSpec
    public var severity: Double
    /// Per-commodity severities that replace `severity` (observed effective severities).
    public var severities: [String: Double]?
    /// The restricting countries' own output of a commodity changes by this share during the
    /// event (a production quota issued with the control, e.g. −0.0645), −1 to 1; cited in `notes`.
    public var outputChanges: [String: Double]?
    public var extraterritorial: Bool
    public var durationYears: Double?
    /// How the measure maps to the data, and what the severity assumes.
    public var notes: String?

    public init(name: String, title: String, restricting: [String], commodities: [String], targets: TargetSpec,
                severity: Double, extraterritorial: Bool, durationYears: Double? = nil) {
        self.name = name
        self.title = title
        self.restricting = restricting
        self.commodities = commodities
        self.targets = targets
        self.severity = severity
        self.extraterritorial = extraterritorial
        self.durationYears = durationYears
    }

    /// The base year for a real event: the last full year before it took effect (or was
    /// announced), at most `latest`; `latest` for a scenario without dates.
    public func baseYear(latest: Int) -> Int {
        guard let date = effective ?? announced, let year = Int(date.prefix(4)) else { return latest }
        return min(year - 1, latest)
    }

    public func resolve(in dataset: Dataset) throws(LodestoneError) -> RestrictionScenario {
        var restrictingCodes: [CountryCode] = [], ids: [CommodityID] = [], listed: [CountryCode] = []
        for text in restricting { restrictingCodes += try dataset.resolveImporter(text).members }
        for text in commodities { ids.append(try dataset.resolveCommodity(text).id) }
        for text in targets.countries ?? [] { listed += try dataset.resolveImporter(text).members }
        func byCommodity(_ values: [String: Double]?, what: String) throws(LodestoneError) -> [CommodityID: Double] {
            var result: [CommodityID: Double] = [:]
            for (text, value) in values ?? [:] {
                let id = try dataset.resolveCommodity(text).id
                guard ids.contains(id) else {
                    throw .invalidParameter("scenario '\(name)': \(what) is given for \(id), which is not among its commodities")
                }
                result[id] = value
            }
            return result
        }
        let spec: RestrictionScenario.Targets
        switch targets.kind {
        case .everyone:
            guard listed.isEmpty else { throw .invalidParameter("scenario '\(name)': targets 'everyone' takes no country list (use 'only' or 'everyone-except')") }
            spec = .everyone
        case .only: spec = .only(listed)
        case .everyoneExcept: spec = .everyoneExcept(listed)
        }
        let scenario = RestrictionScenario(name: name, restricting: restrictingCodes, commodities: ids, targets: spec,
                                           severity: severity, extraterritorial: extraterritorial, durationYears: durationYears ?? 1,
                                           severityByCommodity: try byCommodity(severities, what: "a severity"),
                                           outputChangeByCommodity: try byCommodity(outputChanges, what: "an output change"))
        try scenario.validate(in: dataset)
        return scenario
    }
}
