/// Who really supplies an importer: its available supply of one commodity in one year,
/// attributed to the countries where the material was produced, following re-exports through
/// third countries.
///
/// Model (proportional mixing, as in trade-linked material-flow tracing): every country's
/// available supply Sⱼ = Pⱼ + Mⱼ (production plus imports) is one well-mixed pool, and its exports
/// draw on that pool in proportion. With Aᵢⱼ = Fⱼᵢ / Sⱼ (the share of j's supply shipped to i),
/// the tonnes of origin k in i's supply solve xᵢₖ = δᵢₖ·Pₖ + Σⱼ Aᵢⱼ·xⱼₖ, i.e. X = (I − A)⁻¹·diag(P):
/// one linear system per commodity-year, solved by LU with partial pivoting.
/// Where recorded exports exceed production plus imports (stock draws, misreporting), the excess
/// is attributed to the exporter itself (`unrecorded…SupplyTonnes`), so tonnes are conserved:
/// Σₖ xᵢₖ = Σₖ directᵢₖ = Sᵢ. A group importer is one node: trade between its members is internal.
public struct OriginTrace: Hashable, Sendable, Codable {
    public struct Origin: Hashable, Sendable, Codable {
        public var country: CountryCode
        /// Tonnes received directly from this country (own production for the importer's members).
        public var directTonnes: Double
        /// Share of the importer's supply received directly, 0...1.
        public var directShare: Double
        /// Tonnes that originated in this country, wherever they were shipped from.
        public var tracedTonnes: Double
        /// Share of the importer's supply that originated here, 0...1.
        public var tracedShare: Double
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
    /// Largest traced origin first.
    public var origins: [Origin]
}

extension Dataset {
    public func traceOrigins(for importer: Importer, commodity: CommodityID, year: Int) throws(LodestoneError) -> OriginTrace {
        guard let commodityIdx = commodityIndex[commodity] else { throw .unknownCommodity(commodity.rawValue, suggestion: nil) }
        let info = commodities[commodityIdx]
        guard info.isTraded else { throw .notTraded(commodity: info.name) }
        guard tradeYears.contains(year) else { throw .noTrade(year: year, available: tradeYears) }
        guard let production = production[ProductionKey(commodity: commodityIdx, year: year)] else {
            throw .noProduction(commodity: info.name, year: year, available: productionYears(of: commodity))
        }
        // Nodes: every country, except that the importer's members share one node (the last).
        let members = Set(importer.members.compactMap { countryIndex[$0] })
        var node = [Int](repeating: 0, count: countries.count)
        var countryOfNode: [Int32] = []
        for index in countries.indices where !members.contains(Int32(index)) {
            node[index] = countryOfNode.count
            countryOfNode.append(Int32(index))
        }
        let target = countryOfNode.count
        for member in members { node[Int(member)] = target }
        let n = target + 1

        var produced = [Double](repeating: 0, count: n)
        for (country, tonnes) in zip(production.countries, production.tonnes) { produced[node[Int(country)]] += tonnes }
        var flows: [(from: Int, to: Int, tonnes: Double)] = []
        var imports = [Double](repeating: 0, count: n), exports = [Double](repeating: 0, count: n)
        for hs6 in info.hs6 {
            guard let slice = trade[TradeKey(hs6: hs6, year: year)] else { continue }
            for flow in 0..<slice.count {
                let tonnes = slice.tonnes[flow]
                let from = node[Int(slice.exporters[flow])], to = node[Int(slice.importers[flow])]
                guard !tonnes.isNaN, tonnes > 0, from != to else { continue }
                flows.append((from, to, tonnes))
                imports[to] += tonnes
                exports[from] += tonnes
            }
        }
        // Origin tonnes: production plus any exports the supply cannot explain.
        var origin = produced
        var unexplained = 0.0
        for j in 0..<n where exports[j] > produced[j] + imports[j] {
            let excess = exports[j] - produced[j] - imports[j]
            origin[j] += excess
            if j != target { unexplained += excess }
        }
        let supply = (0..<n).map { origin[$0] + imports[$0] }

        // (I − A)ᵀ y = e_target, then x_target,k = y_k · origin_k.
        var matrix = [Double](repeating: 0, count: n * n)   // row-major (I − A)ᵀ: entry [j][i] = δ − F_ji / S_j
        for i in 0..<n { matrix[i * n + i] = 1 }
        for flow in flows { matrix[flow.from * n + flow.to] -= flow.tonnes / supply[flow.from] }
        var rhs = [Double](repeating: 0, count: n)
        rhs[target] = 1
        guard let y = LinearSolver.solve(matrix: matrix, size: n, rhs: rhs) else {
            throw .invalidParameter("the \(info.name) trade network of \(year) has a closed re-export loop; origins cannot be traced")
        }

        var direct = [Double](repeating: 0, count: n)
        direct[target] = origin[target]
        for flow in flows where flow.to == target { direct[flow.from] += flow.tonnes }
        let total = supply[target]
        var origins: [OriginTrace.Origin] = []
        for k in 0..<n {
            let traced = y[k] * origin[k]
            guard traced > 1e-9 || direct[k] > 0 else { continue }
            let codes: [Int32] = k == target ? importer.members.compactMap { countryIndex[$0] } : [countryOfNode[k]]
            // The importer's own production is reported per member.
            for country in codes {
                let share = k == target && codes.count > 1 ? memberShare(country, among: codes, production: production, of: produced[target]) : 1
                guard share > 0 || codes.count == 1 else { continue }
                origins.append(OriginTrace.Origin(
                    country: countries[Int(country)].code, directTonnes: direct[k] * share, directShare: total > 0 ? direct[k] * share / total : 0,
                    tracedTonnes: traced * share, tracedShare: total > 0 ? traced * share / total : 0))
            }
        }
        origins.sort { ($0.tracedTonnes, $0.directTonnes, $1.country) > ($1.tracedTonnes, $1.directTonnes, $0.country) }
        return OriginTrace(importer: importer.id, commodity: commodity, year: year, supplyTonnes: total,
                           domesticProductionTonnes: produced[target], unrecordedOwnSupplyTonnes: origin[target] - produced[target],
                           unrecordedWorldSupplyTonnes: unexplained, origins: origins)
    }

    private func memberShare(_ country: Int32, among members: [Int32], production: ProductionSlice, of total: Double) -> Double {
        guard total > 0 else { return 1 / Double(members.count) }
        guard let position = production.countries.firstIndex(of: country) else { return 0 }
        return production.tonnes[position] / total
    }
}
