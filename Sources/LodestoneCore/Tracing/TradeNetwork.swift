/// One commodity's trade network in one year, with each node's supply pool:
/// supply Sⱼ = max(Pⱼ + Mⱼ, Eⱼ) (exports beyond production plus imports count as own origin),
/// apparent consumption Cⱼ = Sⱼ − Eⱼ ≥ 0. Flows without quantity and re-imports are left out.
///
/// Nodes are countries, in dataset order; with `merging` members, those countries share one
/// node, the last (`mergedNode`), and trade between them drops out.
struct TradeNetwork {
    let commodity: CommodityID
    let year: Int
    let size: Int
    /// The node of each country (dense country index → node).
    let nodeOfCountry: [Int]
    /// The country of each node; nil for the merged node.
    let countryOfNode: [Int32?]
    /// The node the `merging` members share (the last), if any.
    let mergedNode: Int?
    let production: [Double]
    let origin: [Double]
    let supply: [Double]
    let consumption: [Double]
    let flows: [(from: Int, to: Int, tonnes: Double)]
    let worldConsumption: Double
    /// The stage's cited unit value where it has one, else value / tonnes over all flows with a
    /// quantity, USD/kg (0 without trade).
    let unitValueUSDPerKg: Double
    /// The LU factors of (I − A), Aₖⱼ = F_{j→k} / Sⱼ, shared by every solve on this network;
    /// nil when it is singular (a closed re-export loop).
    private let leontief: LinearSolver.Factors?

    /// Production comes from `productionYear` (default: `year`), for markets whose production
    /// series ends before or starts after the trade year.
    init(_ dataset: Dataset, commodity info: Commodity, year: Int, productionYear: Int? = nil, merging members: Set<Int32> = []) {
        var nodeOfCountry = [Int](repeating: 0, count: dataset.countries.count)
        var countryOfNode: [Int32?] = []
        for index in dataset.countries.indices where !members.contains(Int32(index)) {
            nodeOfCountry[index] = countryOfNode.count
            countryOfNode.append(Int32(index))
        }
        if members.isEmpty {
            mergedNode = nil
        } else {
            mergedNode = countryOfNode.count
            for member in members { nodeOfCountry[Int(member)] = countryOfNode.count }
            countryOfNode.append(nil)
        }
        let n = countryOfNode.count
        commodity = info.id
        self.year = year
        size = n
        self.nodeOfCountry = nodeOfCountry
        self.countryOfNode = countryOfNode
        var produced = [Double](repeating: 0, count: n)
        if let index = dataset.commodityIndex[info.id], let slice = dataset.production[ProductionKey(commodity: index, year: productionYear ?? year)] {
            for (country, tonnes) in zip(slice.countries, slice.tonnes) {
                produced[nodeOfCountry[Int(country)]] += dataset.anchoredProduction(commodity: index, country: country, year: productionYear ?? year, series: tonnes)
            }
        }
        // An official production where the series has none for the country.
        if let index = dataset.commodityIndex[info.id], let anchors = dataset.anchors[Dataset.AnchorKey(commodity: index, year: productionYear ?? year)] {
            let listed = Set(dataset.production[ProductionKey(commodity: index, year: productionYear ?? year)]?.countries ?? [])
            for (country, anchor) in anchors where !listed.contains(country) { produced[nodeOfCountry[Int(country)]] += anchor.production ?? 0 }
        }
        var flows: [(from: Int, to: Int, tonnes: Double)] = []
        var imports = [Double](repeating: 0, count: n), exports = [Double](repeating: 0, count: n)
        var value = 0.0, tonnage = 0.0
        dataset.forEachFlow(of: info, year: year) { exporter, importer, flowValue, tonnes in
            let from = nodeOfCountry[Int(exporter)], to = nodeOfCountry[Int(importer)]
            guard !tonnes.isNaN, tonnes > 0, from != to else { return }
            flows.append((from, to, tonnes))
            imports[to] += tonnes
            exports[from] += tonnes
            value += flowValue
            tonnage += tonnes
        }
        production = produced
        origin = (0..<n).map { produced[$0] + max(0, exports[$0] - produced[$0] - imports[$0]) }
        let supply = (0..<n).map { max(produced[$0] + imports[$0], exports[$0]) }
        self.supply = supply
        consumption = (0..<n).map { max(0, produced[$0] + imports[$0] - exports[$0]) }
        self.flows = flows
        worldConsumption = consumption.reduce(0, +)
        unitValueUSDPerKg = info.citedUnitValueUSDPerKg ?? (tonnage > 0 ? value / tonnage : 0)
        // (I − A), row-major.
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n { matrix[i * n + i] = 1 }
        for flow in flows { matrix[flow.to * n + flow.from] -= flow.tonnes / supply[flow.from] }
        leontief = LinearSolver.Factors(matrix: matrix, size: n)
    }

    /// Total supply change at every node when `shock` tonnes are removed at the nodes where they
    /// first land, passed on in proportion to each pool's outflows: ℓ = (I − A)⁻¹·shock.
    func propagate(_ shock: [Double]) -> [Double]? {
        leontief?.solve(shock)
    }

    /// The same with the nodes in `absorbing` passing nothing on: each keeps all of the loss that
    /// reaches it (a restricting country replaces its lost imports from what it withholds, so its
    /// customers lose nothing through it). Solves (I − A·(I − E))·ℓ = shock, E the diagonal that
    /// selects `absorbing`, on the same factors: with x = (I − A)⁻¹·shock and W = (I − A)⁻¹·A·E,
    /// ℓ = x − W·ℓ_E where (I + W_E)·ℓ_E = x_E (one more solve per absorbing node).
    func propagate(_ shock: [Double], absorbingAt absorbing: [Int]) -> [Double]? {
        guard let leontief, var loss = propagate(shock) else { return nil }
        guard !absorbing.isEmpty else { return loss }
        // Column r of A: what node r passes on to each customer per tonne of its supply.
        let columns = absorbing.map { r in
            var column = [Double](repeating: 0, count: size)
            for flow in flows where flow.from == r { column[flow.to] += flow.tonnes / supply[r] }
            return leontief.solve(column)
        }
        let k = absorbing.count
        var inner = [Double](repeating: 0, count: k * k)
        for (i, r) in absorbing.enumerated() {
            for j in 0..<k { inner[i * k + j] = (i == j ? 1 : 0) + columns[j][r] }
        }
        guard let kept = LinearSolver.solve(matrix: inner, size: k, rhs: absorbing.map { loss[$0] }) else { return nil }
        for j in 0..<k where kept[j] != 0 {
            for node in 0..<size { loss[node] -= columns[j][node] * kept[j] }
        }
        return loss
    }

    /// Tonnes of every origin k in node `i`'s supply: xᵢₖ = [(I − A)⁻¹]ᵢₖ·originₖ, from one solve of
    /// (I − A)ᵀ·y = eᵢ.
    func originsOfSupply(at i: Int) -> [Double]? {
        var unit = [Double](repeating: 0, count: size)
        unit[i] = 1
        return leontief?.solveTransposed(unit).enumerated().map { $1 * origin[$0] }
    }

    /// Tonnes that originated in node `r` in every node's supply: x·ᵣ = (I − A)⁻¹·eᵣ·originᵣ.
    func originTonnes(of r: Int) -> [Double]? {
        var unit = [Double](repeating: 0, count: size)
        unit[r] = 1
        return leontief?.solve(unit).map { $0 * origin[r] }
    }
}
