/// Where an importer's supply of one commodity comes from in one year.
///
/// Only imports from outside the importer count (a bloc's internal trade and a country's
/// re-imports are reported as `internalTonnes`). Shares are 0...1.
/// - `importHHI` = Σ sⱼ² over suppliers' tonnage shares, 0...1.
/// - `governanceWeightedRisk` = Σ sⱼ·wⱼ with w the supplier's normalised political-stability
///   score (0 stable ... 1 unstable, 0.5 when missing), 0...1. Unlike GeoPolRisk's import risk
///   it ignores domestic production: it describes the import basket alone.
/// - `partnerShare` = tonnage share from members of `partnerGroup`, when one is given.
/// Flows without a usable quantity (none reported, or a unit value too low to be the commodity)
/// count towards value shares only; a supplier with no other flow has no tonnes (nil, not 0), and
/// `valueOnlyKUSD` says how much value is counted that way.
public struct ImportMix: Hashable, Sendable, Codable {
    public struct Supplier: Hashable, Sendable, Codable {
        /// 1 for the largest supplier by tonnes (then value).
        public var rank: Int = 0
        public var country: CountryCode
        /// Null when none of the supplier's flows has a usable quantity.
        @OrNull public var tonnes: Double?
        public var valueKUSD: Double
        @OrNull public var tonnesShare: Double?
        public var valueShare: Double
        /// Normalised political-stability score; nil when the source has none.
        public var governanceScore: Double?
        public var inPartnerGroup: Bool
    }

    public var importer: String
    public var commodity: CommodityID
    public var year: Int
    public var totalTonnes: Double
    public var totalValueKUSD: Double
    /// Value of the flows counted by value only (no usable quantity).
    public var valueOnlyKUSD: Double
    public var internalTonnes: Double
    public var importHHI: Double
    public var governanceWeightedRisk: Double
    public var partnerGroup: String?
    public var partnerShare: Double?
    /// Largest supplier by tonnes first.
    public var suppliers: [Supplier]
    /// Nomenclature, source and content basis of the trade used.
    public var tradeBasis: Dataset.TradeBasis
}

extension Dataset {
    public func importMix(
        for importer: Importer, commodity: CommodityID, year: Int, partners: CountryGroup? = nil
    ) throws(LodestoneError) -> ImportMix {
        guard let commodityIdx = commodityIndex[commodity] else { throw .unknownCommodity(commodity.rawValue, suggestion: nil) }
        let info = commodities[commodityIdx]
        let basis = try checkTrade(of: info, year: year, importer: importer)
        let members = importer.members.compactMap { countryIndex[$0] }

        var tonnesBy: [Int32: Double] = [:], valueBy: [Int32: Double] = [:], valueOnlyBy: [Int32: Double] = [:]
        var internalTonnes = 0.0
        forEachFlow(of: info, year: year, into: members) { exporter, _, value, tonnes in
            if members.contains(exporter) {
                if !tonnes.isNaN { internalTonnes += tonnes }
                return
            }
            valueBy[exporter, default: 0] += value
            if tonnes.isNaN { valueOnlyBy[exporter, default: 0] += value } else { tonnesBy[exporter, default: 0] += tonnes }
        }
        // Sums in a fixed order: the same question gives the same digits in every process.
        let exporters = valueBy.keys.sorted()
        let totalTonnes = exporters.reduce(0) { $0 + (tonnesBy[$1] ?? 0) }
        let totalValue = exporters.reduce(0) { $0 + (valueBy[$1] ?? 0) }
        let valueOnly = exporters.reduce(0) { $0 + (valueOnlyBy[$1] ?? 0) }
        let partnerCodes = Set(partners?.members ?? [])
        var suppliers: [ImportMix.Supplier] = exporters.map { index in
            let tonnes = tonnesBy[index], value = valueBy[index] ?? 0
            let code = countries[Int(index)].code
            return ImportMix.Supplier(
                country: code, tonnes: tonnes, valueKUSD: value,
                tonnesShare: tonnes.map { totalTonnes > 0 ? $0 / totalTonnes : 0 },
                valueShare: totalValue > 0 ? value / totalValue : 0,
                governanceScore: governance.entry(country: index, year: year)?.score,
                inPartnerGroup: partnerCodes.contains(code))
        }
        suppliers.sort {
            ($0.tonnes ?? -1, $0.valueKUSD, $1.country) > ($1.tonnes ?? -1, $1.valueKUSD, $0.country)
        }
        for index in suppliers.indices { suppliers[index].rank = index + 1 }
        var hhi = 0.0, risk = 0.0
        for supplier in suppliers {
            guard let share = supplier.tonnesShare else { continue }
            hhi += share * share
            risk += share * (supplier.governanceScore ?? 0.5)
        }
        return ImportMix(
            importer: importer.id, commodity: commodity, year: year,
            totalTonnes: totalTonnes, totalValueKUSD: totalValue, valueOnlyKUSD: valueOnly, internalTonnes: internalTonnes,
            importHHI: hhi, governanceWeightedRisk: risk,
            partnerGroup: partners?.id,
            partnerShare: partners.map { _ in suppliers.filter(\.inPartnerGroup).reduce(0) { $0 + ($1.tonnesShare ?? 0) } },
            suppliers: suppliers, tradeBasis: basis)
    }
}
