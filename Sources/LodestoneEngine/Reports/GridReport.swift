import LodestoneCore

/// GeoPolRisk for every importer (countries and groups) × traded commodity stage × year: the
/// table other tools load. Hundreds of thousands of rows, so its cells skip the JSON round trip.
public struct GridReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var importer: String
        public var commodity: String
        public var year: Int
        public var hhi: Double
        public var importRisk: Double
        public var score: Double
        public var characterizationFactor: Double
        public var priceUSDPerKg: Double
        public var importTonnes: Double
        public var domesticProductionTonnes: Double
    }

    public var method: String
    public var years: [Int]
    public var rows: [Row]
    public var columns: [Column] = [
        Column("importer", "importer", .text), Column("commodity", "commodity", .text), Column("year", "year", .year),
        Column("hhi", "hhi", .score), Column("importRisk", "import risk", .score), Column("score", "score", .score),
        Column("characterizationFactor", "cf (kg Cu-eq/kg)", .score), Column("priceUSDPerKg", "price (USD/kg)", .price),
        Column("importTonnes", "imports (t)", .tonnes), Column("domesticProductionTonnes", "production (t)", .tonnes),
    ]

    public var heading: String { "GeoPolRisk grid, method \(method), \(rows.count) rows" }

    public func cells() -> [[Cell]]? {
        rows.map { r in
            [.text(r.importer), .text(r.commodity), .number(Double(r.year)), .number(r.hhi), .number(r.importRisk), .number(r.score),
             .number(r.characterizationFactor), .number(r.priceUSDPerKg), .number(r.importTonnes), .number(r.domesticProductionTonnes)]
        }
    }
}

/// `grid`: every importer, commodity stage and year (or the years given).
public struct GridRequest: Sendable, Hashable, Codable {
    public var method: GeoPolRiskMethod
    public var years: [Int]?

    public init(method: GeoPolRiskMethod = .lodestone, years: [Int]? = nil) {
        self.method = method
        self.years = years
    }
}

extension Engine {
    public func grid(_ request: GridRequest) -> GridReport {
        let results = dataset.riskGrid(importers: dataset.allImporters, years: request.years, method: request.method)
        return GridReport(method: request.method.rawValue, years: Array(Set(results.map(\.year))).sorted(), rows: results.map { r in
            GridReport.Row(importer: r.importer, commodity: r.commodity.rawValue, year: r.year, hhi: r.hhi, importRisk: r.importRisk, score: r.score,
                           characterizationFactor: r.characterizationFactor, priceUSDPerKg: r.priceUSDPerKg, importTonnes: r.importTonnes,
                           domesticProductionTonnes: r.domesticProductionTonnes)
        })
    }
}
