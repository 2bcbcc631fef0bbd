/// GeoPolRisk supply-risk result for one importer, commodity and year.
///
/// Formulae (Koyamparambath et al. 2024; geopolrisk-py 2.0.1 `core.py`):
/// - `hhi` = Σ pᵢ² / (Σ pᵢ)², world production p by country, 0...1.
/// - `importRisk` = Σⱼ qⱼ·wⱼ / (Σⱼ qⱼ + P), over suppliers j outside the importer; q in tonnes,
///   w the supplier's normalised political-stability score (0 stable ... 1 unstable; 0.5 when
///   missing; 0 for suppliers inside the importer), P the importer's own production in tonnes.
///   0...1; 0 when the importer neither imports nor produces.
/// - `score` = hhi × importRisk, 0...1, unitless.
/// - `priceUSDPerKg` = Σ value / Σ tonnes of the importer's imports (kUSD/t = USD/kg); 0 with no imports.
/// - `characterizationFactor` = score × price / 0.409412948, in eq. kg-Cu/kg (copper's average
///   OECD factor 2017–2021 as the reference).
public struct GeoPolRiskResult: Hashable, Sendable, Codable {
    public var importer: String
    public var commodity: CommodityID
    public var year: Int
    public var method: GeoPolRiskMethod
    public var hhi: Double
    public var importRisk: Double
    public var score: Double
    public var characterizationFactor: Double
    public var priceUSDPerKg: Double
    /// Imports in tonnes, all suppliers including internal ones.
    public var importTonnes: Double
    /// The importer's own production in tonnes (as the method counts it).
    public var domesticProductionTonnes: Double
    /// Σ q·w, the numerator of `importRisk`, in tonnes.
    public var riskWeightedImportTonnes: Double
    /// Nomenclature, source and content basis of the trade used; nil when the reference method
    /// scores a year without this commodity's trade (as geopolrisk-py does, with no imports).
    public var tradeBasis: Dataset.TradeBasis?
}

extension Dataset {
    /// Copper's characterisation factor, the reference unit of the GeoPolRisk CF (eq. kg-Cu/kg).
    public static let copperCharacterizationFactor = 0.409412948

    /// The GeoPolRisk score, import risk, price and characterisation factor.
    ///
    /// Throws `notTraded` for commodities without HS codes, `noProduction` for years without
    /// world production (the HHI is undefined), `noTrade` for years outside the trade data.
    public func geoPolRisk(
        for importer: Importer, commodity: CommodityID, year: Int, method: GeoPolRiskMethod = .lodestone
    ) throws(LodestoneError) -> GeoPolRiskResult {
        guard let commodityIdx = commodityIndex[commodity] else { throw .unknownCommodity(commodity.rawValue, suggestion: nil) }
        let info = commodities[commodityIdx]
        guard hasTrade(info) else { throw .notTraded(commodity: info.name) }
        guard tradeYears.contains(year) else { throw .noTrade(year: year, available: tradeYears) }
        // The reference method scores a year without this commodity's trade (imports 0), as geopolrisk-py does.
        let basis = method == .geopolriskPy ? try? checkTrade(of: info, year: year) : try checkTrade(of: info, year: year, importer: importer)
        guard let slice = production[ProductionKey(commodity: commodityIdx, year: year)] else {
            throw .noProduction(commodity: info.name, year: year, available: productionYears(of: commodity))
        }
        let members = importer.members.compactMap { countryIndex[$0] }
        let compatible = method == .geopolriskPy

        var total = 0.0, sumOfSquares = 0.0, domestic = 0.0
        for (position, country) in slice.countries.enumerated() {
            let amount = compatible ? slice.publishedAmounts[position].rounded(.towardZero) : slice.tonnes[position]
            total += amount
            sumOfSquares += amount * amount
            if members.contains(country) {
                domestic += compatible ? Self.referenceTonnes(slice.publishedAmounts[position], unit: info.productionUnit)
                                       : slice.tonnes[position]
            }
        }
        guard total > 0 else { throw .noProduction(commodity: info.name, year: year, available: productionYears(of: commodity)) }
        let hhi = sumOfSquares / (total * total)

        var imports = 0.0, value = 0.0, weighted = 0.0
        forEachFlow(of: info, year: year, into: members) { exporter, _, flowValue, tonnes in
            let hasQuantity = !tonnes.isNaN
            if hasQuantity || compatible { value += flowValue }
            guard hasQuantity else { return }
            imports += tonnes
            if !members.contains(exporter) {
                weighted += tonnes * governance.riskWeight(country: exporter, year: year, codeMatchesOnly: compatible)
            }
        }
        // Flows by value whose every quantity is missing or implausible: tonnes are unknown, not zero.
        if !compatible, imports == 0, value > 0 {
            throw .noQuantities(commodity: info.name, year: year, nomenclature: basis?.nomenclature?.rawValue ?? "official")
        }
        let price = imports > 0 ? (compatible ? nil : info.citedUnitValueUSDPerKg) ?? value / imports : 0
        let denominator = imports + domestic
        let importRisk = denominator > 0 ? weighted / denominator : 0
        let score = hhi * importRisk
        return GeoPolRiskResult(
            importer: importer.id, commodity: commodity, year: year, method: method,
            hhi: hhi, importRisk: importRisk, score: score,
            characterizationFactor: score * price / Self.copperCharacterizationFactor,
            priceUSDPerKg: price, importTonnes: imports, domesticProductionTonnes: domestic,
            riskWeightedImportTonnes: weighted, tradeBasis: basis)
    }

    /// geopolrisk-py's production quantity: kg are divided by 1,000; every other unit (including
    /// "Mio m3") passes through unconverted, because its conversion branch is unreachable.
    static func referenceTonnes(_ published: Double, unit: String) -> Double {
        unit == "kg" ? published / 1000 : published
    }
}
