import LodestoneCore

/// `country JPN`: one country's page — what it produces and refines, what it depends on and from
/// whom, the presets that hit it, and which other producers could supply what it imports.
public struct CountryProfileRequest: Sendable, Hashable, Codable {
    public var country: String
    public var year: Int?
    /// A group whose members are flagged as partners among the alternative producers.
    public var partners: String?

    public init(country: String, year: Int? = nil, partners: String? = nil) {
        self.country = country
        self.year = year
        self.partners = partners
    }
}

public struct CountryProfileReport: TabularReport, Hashable {
    public struct Row: Sendable, Hashable, Codable {
        public var commodity: String
        public var name: String
        public var stage: String
        /// The country's share of world production of the stage (nil: it produces none on record),
        /// its rank, and what the series measures (`productionBasis`).
        public var productionShare: Double?
        public var productionRank: Int?
        public var productionBasis: String
        /// Nil (not assessable) where the stage has no trade codes or no assessable trade that year.
        public var importTonnes: Double?
        public var importValueKUSD: Double?
        public var importHHI: Double?
        public var topSupplier: CountryRef?
        public var topSupplierShare: Double?
        /// The largest producers outside the top supplier and the country itself, best placed to
        /// replace it (partners of the group first).
        public var alternatives: [CountryRef]
    }

    public struct PresetHit: Sendable, Hashable, Codable {
        public var name: String
        public var title: String
        public var commodities: [String]
    }

    public var country: CountryRef
    public var year: Int
    public var partnerGroup: String?
    /// Real-event presets whose targets include the country, for commodities it imports.
    public var presets: [PresetHit]
    public var rows: [Row]
    public var columns: [Column] = [
        Column("name", "stage", .text), Column("productionShare", "world production", .share), Column("productionRank", "rank", .count),
        Column("importValueKUSD", "imports (kUSD)", .kusd), Column("importTonnes", "imports (t)", .tonnes), Column("topSupplier", "top supplier", .country),
        Column("topSupplierShare", "its share (value)", .share), Column("importHHI", "import HHI", .score),
        Column("commodity", "id", .text), Column("productionBasis", "production basis", .text),
    ]
    public var tableColumns: [Column] { Array(columns.prefix(8)) }

    public var heading: String {
        var lines = ["\(country.name) (\(country.iso3)), \(year): production shares and import dependencies by stage (largest imports first)"]
        let producing = rows.filter { ($0.productionShare ?? 0) >= 0.05 }.sorted { ($0.productionShare ?? 0) > ($1.productionShare ?? 0) }
        if !producing.isEmpty {
            lines.append("produces ≥ 5 % of the world's: " + producing.prefix(8).map { "\($0.name) \(ReportRenderer.format($0.productionShare ?? 0, .share))" }.joined(separator: ", "))
        }
        if !presets.isEmpty {
            lines.append("hit by: " + presets.map { "\($0.name) (\($0.commodities.joined(separator: ", ")))" }.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    public var footer: String {
        let withAlternatives = rows.prefix(6).filter { !$0.alternatives.isEmpty }
        guard !withAlternatives.isEmpty else { return "" }
        return "who else produces what it imports most" + (partnerGroup.map { " (\($0) partners first)" } ?? "") + ":\n"
            + withAlternatives.map { "  \($0.name): " + $0.alternatives.map { "\($0.name) (\($0.iso3))" }.joined(separator: ", ") }.joined(separator: "\n")
    }
}

extension Engine {
    public func countryProfile(_ request: CountryProfileRequest) throws(EngineError) -> CountryProfileReport {
        try checkYear(request.year)
        let country: Country
        do { country = try dataset.resolveCountry(request.country) } catch { throw EngineError(error) }
        let partners: CountryGroup?
        do { partners = try request.partners.map { text throws(LodestoneError) in try dataset.resolveGroup(text) } } catch { throw EngineError(error) }
        let year = try year(request.year)
        let importer = Importer(country)
        var rows: [CountryProfileReport.Row] = []
        for info in dataset.valueChainStages {
            let concentration = try? dataset.concentration(of: info.id, year: year)
            let own = concentration?.producers.firstIndex { $0.country == country.code }
            let mix = dataset.hasTrade(info) ? try? dataset.importMix(for: importer, commodity: info.id, year: year) : nil
            guard own != nil || (mix?.totalValueKUSD ?? 0) > 0 else { continue }
            let top = mix?.suppliers.max { $0.valueShare < $1.valueShare }
            // Other producers of the stage, partners first, then by output.
            let alternatives = (concentration?.producers ?? [])
                .filter { $0.country != country.code && $0.country != top?.country }
                .sorted { a, b in
                    let pa = partners?.members.contains(a.country) == true, pb = partners?.members.contains(b.country) == true
                    return pa != pb ? pa : a.share > b.share
                }
                .prefix(3).map { CountryRef($0.country, in: dataset) }
            rows.append(.init(
                commodity: info.id.rawValue, name: info.name, stage: info.stage.rawValue,
                productionShare: own.map { concentration!.producers[$0].share }, productionRank: own.map { $0 + 1 },
                productionBasis: concentration?.productionBasis.rawValue ?? "", importTonnes: mix.map { $0.totalTonnes },
                importValueKUSD: mix?.totalValueKUSD, importHHI: mix.map(\.importHHI), topSupplier: top.map { CountryRef($0.country, in: dataset) },
                topSupplierShare: top?.valueShare, alternatives: Array(alternatives)))
        }
        rows.sort { ($0.importValueKUSD ?? -1, $1.commodity) > ($1.importValueKUSD ?? -1, $0.commodity) }
        let imported = Set(rows.filter { ($0.importValueKUSD ?? 0) > 0 }.map { $0.commodity.split(separator: ":").first.map(String.init) ?? $0.commodity })
        let hits = presets.compactMap { preset -> CountryProfileReport.PresetHit? in
            guard let scenario = try? preset.resolve(in: dataset), !scenario.restricting.contains(country.code),
                  scenario.targets.includes(country.code) else { return nil }
            let families = scenario.controlledCommodities.compactMap { dataset.commodity($0)?.family }.filter { imported.contains($0) }
            return families.isEmpty ? nil : .init(name: preset.name, title: preset.title, commodities: Array(Set(families)).sorted())
        }
        return CountryProfileReport(country: CountryRef(country.code, in: dataset), year: year, partnerGroup: partners?.id, presets: hits, rows: rows)
    }
}
