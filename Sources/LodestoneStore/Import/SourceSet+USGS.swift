import Foundation
import LodestoneCore

extension SourceSet {
    /// Reads a USGS MCS data-release file of either layout, told apart by its header, and records
    /// its provenance. Where both give a (stage, year), the commodities data (the newer edition)
    /// wins: see `ProductionSplice`.
    static func readUSGS(_ path: String, into sources: inout CatalogueSources, data: inout NormalisedData, importedAt: String) throws {
        // A folder: the MCS 2025 salient-statistics tables in it (salient_commodity/).
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix("_salient.csv") }.sorted()
            guard !names.isEmpty else {
                throw StoreError.io(path: path, reason: "a folder with no *_salient.csv file — give the MCS 2025 salient_commodity folder or a USGS MCS file")
            }
            for name in names { try readUSGS((path as NSString).appendingPathComponent(name), into: &sources, data: &data, importedAt: importedAt) }
            return
        }
        let bytes = try SourceFile.read(path, what: "a USGS MCS data-release file (MCS2025_World_Data.csv, MCS2026_Commodities_Data.csv or an MCS 2025 salient table)")
        let file = (path as NSString).lastPathComponent
        let header = SourceFile.header(of: bytes)
        if USGSSalientReader.recognises(fileName: file, header: header) {
            var tables = sources.salient2025 ?? USGSSalientTables()
            try tables.add(data: bytes, file: file)
            sources.salient2025 = tables
        } else if USGSWorldDataReader.recognises(fileName: file, header: header) {
            guard sources.usgs == nil else { throw StoreError.malformedSource(location: file, reason: "a second MCS world-data file — give one file of each USGS layout") }
            let table = try USGSWorldDataReader.read(bytes, file: file, context: SourceContext(countries: data.countries)).rows
            data.warnings += table.warnings
            sources.usgs = table
            let edition = table.edition ?? 2025
            data.provenance.append(Provenance(
                dataset: "production:USGS-MCS\(edition)",
                source: "USGS Mineral Commodity Summaries \(edition) data release, world data (\(file)): production \(ProductionSplice.yearsText(table.years))",
                version: "MCS\(edition)", sha256: table.sha256, licence: "public domain (USGS)", url: doi(edition: edition),
                importedAt: importedAt, rows: table.series.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } }))
        } else if USGSCommoditiesReader.recognises(fileName: file, header: header) {
            guard sources.usgsCommodities == nil else { throw StoreError.malformedSource(location: file, reason: "a second MCS commodities-data file — give one file of each USGS layout") }
            let table = try USGSCommoditiesReader.read(bytes, file: file, context: SourceContext(countries: data.countries)).rows
            data.warnings += table.warnings
            sources.usgsCommodities = table
            let edition = table.edition ?? 2026
            data.provenance.append(Provenance(
                dataset: "production:USGS-MCS\(edition)",
                source: "USGS Mineral Commodity Summaries \(edition) data release, commodities data (\(file), \(table.encoding)): world production "
                    + "\(ProductionSplice.yearsText(table.years)) by country; supersedes older USGS editions for the years it publishes "
                    + "and extends World Mining Data past its last year where the two agree",
                version: "MCS\(edition)", sha256: table.sha256, licence: "CC0 1.0 (USGS)", url: doi(edition: edition),
                importedAt: importedAt, rows: table.counts.amounts))
        } else {
            throw StoreError.malformedSource(location: "\(file):1", reason: "not a USGS MCS data-release table: expected the header of MCS2025_World_Data.csv "
                + "(SOURCE,COMMODITY,COUNTRY,TYPE,UNIT_MEAS,PROD_…), of MCS2026_Commodities_Data.csv (MCS chapter,Section,Commodity,Country,"
                + "Statistics,Statistics_detail,Unit,Year,Value,…) or of an MCS 2025 salient table (DataSource,Commodity,Year,…)")
        }
    }

    /// The data release's DOI where known, else the MCS page.
    static func doi(edition: Int) -> String {
        switch edition {
        case 2025: "https://doi.org/10.5066/P13XCP3R"
        case 2026: "https://doi.org/10.5066/P1WKQ63T"
        default: "https://www.usgs.gov/centers/national-minerals-information-center/mineral-commodity-summaries"
        }
    }
}
