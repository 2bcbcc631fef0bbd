/// Who really supplies an importer: its available supply of one commodity in one year,
/// attributed to the countries where the material was produced, following re-exports through
/// third countries.
///
/// Model (proportional mixing, as in trade-linked material-flow tracing): every country's
/// available supply Sⱼ = Pⱼ + Mⱼ (production plus imports) is one well-mixed pool, and its exports
/// draw on that pool in proportion. With Aᵢⱼ = Fⱼᵢ / Sⱼ (the share of j's supply shipped to i),
/// the tonnes of origin k in i's supply solve xᵢₖ = δᵢₖ·Pₖ + Σⱼ Aᵢⱼ·xⱼₖ, i.e. X = (I − A)⁻¹·diag(P):
/// one linear system per commodity-year, solved by LU with partial pivoting.
/// Where recorded exports exceed production plus imports (stock draws, refining of feed the data do
/// not cover, misreporting), the excess enters the network at the exporter (`unrecorded…SupplyTonnes`),
/// so tonnes are conserved, Σₖ xᵢₖ = Σₖ directᵢₖ = Sᵢ; but what reaches the importer from it is of
/// unrecorded origin (`unrecordedOriginTonnes`, and per country `unrecordedTonnes`), never the
/// exporter's own production: Σₖ tracedᵢₖ + unrecorded = Sᵢ. A group importer is one node: trade
/// between its members is internal.
public struct OriginTrace: Hashable, Sendable, Codable {
    /// The share gap above which a country counts as a conduit: it ships more than 5 points of the
    /// importer's supply above what it originates (it passes on what others produced).
    public static let conduitShareGap = 0.05

    public struct Origin: Hashable, Sendable, Codable {
        /// 1 for the largest traced origin.
        public var rank: Int = 0
        public var country: CountryCode
        /// Tonnes received directly from this country (own production for the importer's members).
        public var directTonnes: Double
        /// Share of the importer's supply received directly, 0...1.
        public var directShare: Double
        /// Tonnes produced in this country, wherever they were shipped from.
        public var tracedTonnes: Double
        /// Share of the importer's supply produced here, 0...1.
        public var tracedShare: Double
        /// Tonnes that entered the network here beyond this country's production and imports (its
        /// exports that the data cannot follow to a producer): of unrecorded origin.
        public var unrecordedTonnes: Double
        /// directShare − tracedShare > `conduitShareGap`: a re-export hub.
        public var conduit: Bool = false
    }

    public var importer: String
    public var commodity: CommodityID
    public var year: Int
    /// Production plus imports from outside the importer (plus any exports it cannot explain), tonnes.
    public var supplyTonnes: Double
    public var domesticProductionTonnes: Double
    /// The importer's own exports beyond its production plus imports (stock draws, refining of
    /// intermediates outside the commodity's HS codes), counted as its own supply, tonnes.
    public var unrecordedOwnSupplyTonnes: Double
    /// The same excess summed over all other countries, attributed to each as origin, tonnes.
    public var unrecordedWorldSupplyTonnes: Double
    /// The importer's supply that cannot be followed to a producer, tonnes, and its share 0...1.
    public var unrecordedOriginTonnes: Double
    public var unrecordedOriginShare: Double
    /// Largest traced origin first.
    public var origins: [Origin]
    /// Nomenclature, source, content basis and allocation of the trade used.
    public var tradeBasis: Dataset.TradeBasis
}

extension Dataset {
    public func traceOrigins(for importer: Importer, commodity: CommodityID, year: Int) throws(LodestoneError) -> OriginTrace {
        guard let commodityIdx = commodityIndex[commodity] else { throw .unknownCommodity(commodity.rawValue, suggestion: nil) }
        let info = commodities[commodityIdx]
        let basis = try checkTrade(of: info, year: year, importer: importer)
        guard let production = production[ProductionKey(commodity: commodityIdx, year: year)] else {
            throw .noProduction(commodity: info.name, year: year, available: productionYears(of: commodity))
        }
        // The importer's members share one node, so trade between them is internal.
        let members = Set(importer.members.compactMap { countryIndex[$0] })
        let network = TradeNetwork(self, commodity: info, year: year, merging: members)
        guard let target = network.mergedNode else { throw .emptySelection(importer.id) }
        let n = network.size
        let produced = network.production, origin = network.origin, supply = network.supply
        var unexplained = 0.0
        for j in 0..<n where j != target { unexplained += origin[j] - produced[j] }
        guard let traced = network.originsOfSupply(at: target) else {
            throw .invalidParameter("the \(info.name) trade network of \(year) has a closed re-export loop; origins cannot be traced")
        }

        var direct = [Double](repeating: 0, count: n)
        direct[target] = origin[target]
        for flow in network.flows where flow.to == target { direct[flow.from] += flow.tonnes }
        let total = supply[target]
        var origins: [OriginTrace.Origin] = []
        var unrecordedTotal = 0.0
        for k in 0..<n {
            // What entered at k beyond its production is of unrecorded origin.
            let producedShare = origin[k] > 0 ? produced[k] / origin[k] : 0
            let tracedTonnes = traced[k] * producedShare, unrecorded = traced[k] - tracedTonnes
            unrecordedTotal += unrecorded
            guard tracedTonnes > 1e-9 || unrecorded > 1e-9 || direct[k] > 0 else { continue }
            let codes: [Int32] = k == target ? importer.members.compactMap { countryIndex[$0] } : [network.countryOfNode[k]!]
            // The importer's own production is reported per member.
            for country in codes {
                let share = k == target && codes.count > 1 ? memberShare(country, among: codes, production: production, of: produced[target]) : 1
                guard share > 0 || codes.count == 1 else { continue }
                origins.append(OriginTrace.Origin(
                    country: countries[Int(country)].code, directTonnes: direct[k] * share, directShare: total > 0 ? direct[k] * share / total : 0,
                    tracedTonnes: tracedTonnes * share, tracedShare: total > 0 ? tracedTonnes * share / total : 0,
                    unrecordedTonnes: unrecorded * share))
            }
        }
        origins.sort { ($0.tracedTonnes, $0.directTonnes, $1.country) > ($1.tracedTonnes, $1.directTonnes, $0.country) }
        for index in origins.indices {
            origins[index].rank = index + 1
            origins[index].conduit = origins[index].directShare - origins[index].tracedShare > OriginTrace.conduitShareGap
        }
        return OriginTrace(importer: importer.id, commodity: commodity, year: year, supplyTonnes: total,
                           domesticProductionTonnes: produced[target], unrecordedOwnSupplyTonnes: origin[target] - produced[target],
                           unrecordedWorldSupplyTonnes: unexplained, unrecordedOriginTonnes: unrecordedTotal,
                           unrecordedOriginShare: total > 0 ? unrecordedTotal / total : 0, origins: origins, tradeBasis: basis)
    }

    private func memberShare(_ country: Int32, among members: [Int32], production: ProductionSlice, of total: Double) -> Double {
        guard total > 0 else { return 1 / Double(members.count) }
        guard let position = production.countries.firstIndex(of: country) else { return 0 }
        return production.tonnes[position] / total
    }
}
