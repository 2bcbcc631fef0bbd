/// A national statistic for one country, commodity stage and year, as an official agency
/// publishes it (today the US salient statistics of the USGS Mineral Commodity Summaries), put on
/// the stage's content basis by the catalogue's mapping.
///
/// Trade-derived quantities are checked against these (`Dataset.officialCheck`), and where they
/// differ beyond `Dataset.officialTolerance` the official total is the one the answers use.
public struct OfficialStatistic: Hashable, Sendable, Codable {
    /// What the figure measures, on the stage's content basis.
    public enum Measure: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// Domestic production at the stage (mine, refinery or smelter output), tonnes.
        case production
        /// Imports (for consumption), tonnes.
        case imports
        /// Exports, tonnes.
        case exports
        /// Consumption as the agency states it (apparent, reported or estimated), tonnes.
        case consumption
        /// Net import reliance, a share of consumption (0...1; 'E' for a net exporter is kept
        /// as published, with no amount).
        case netImportReliance = "net-import-reliance"
        /// A partner's share of the country's imports of the stage (0...1) over a published
        /// period (USGS "Import Sources", 2021–24), recorded for each year of it; always bilateral.
        case importShare = "import-share"

        public static func < (a: Self, b: Self) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }

        /// Whether the amount is tonnes (else a share).
        public var isTonnes: Bool { self != .netImportReliance && self != .importShare }
    }

    public var country: CountryCode
    public var commodity: CommodityID
    public var year: Int
    public var measure: Measure
    /// Tonnes on the stage's content basis (share 0...1 for net import reliance); nil when the
    /// agency gives a bound or a symbol instead of an amount (`published` says which).
    public var amount: Double?
    /// The figure as published, with its unit ("11,000 kilograms", ">50 percent", "E").
    public var published: String
    /// The agency's series, summed where several make one measure ("Imports for consumption: Metal").
    public var series: String
    /// The release ("USGS MCS 2026 data release").
    public var source: String
    /// Whether the series measures the stage's own forms, so that it can stand in for the
    /// trade-derived figure; false when it counts more (every form of cobalt against cobalt oxides).
    public var comparable: Bool
    /// What differs between the series and the stage ("" when nothing known).
    public var note: String
    /// The partner of a bilateral figure (a country's customs exports to one destination); nil
    /// for the country's total. Bilateral figures fix a shared code's split (`Dataset+Basket`)
    /// and are never anchors of their own.
    public var partner: CountryCode?

    public init(country: CountryCode, commodity: CommodityID, year: Int, measure: Measure, amount: Double?, published: String,
                series: String, source: String, comparable: Bool = true, note: String = "", partner: CountryCode? = nil) {
        self.partner = partner
        self.country = country
        self.commodity = commodity
        self.year = year
        self.measure = measure
        self.amount = amount
        self.published = published
        self.series = series
        self.source = source
        self.comparable = comparable
        self.note = note
    }
}
