import Foundation
import LodestoneCore

extension Catalogue {
    /// Exporters' own customs statistics of stages under a shared code (Resources/Catalogue/
    /// customs-exports.csv): a country's total exports of a member in a year, or its exports to one
    /// partner, each row cited. They fix the exporter's split of the shared code
    /// (`Dataset+Basket`), so that China's flows carry the gallium and germanium its customs
    /// recorded, not its production mix. `partner` empty: the total.
    static func customsExports(at path: String? = nil, countries: [Country]) throws -> [OfficialStatistic] {
        guard let path = path ?? Bundle.module.url(forResource: "customs-exports", withExtension: "csv", subdirectory: "Catalogue")?.path else {
            throw StoreError.io(path: "customs-exports.csv", reason: "the bundled customs statistics are missing — reinstall lodestone")
        }
        let (rows, file) = try BacktestLibrary.table(path, columns: ["country", "commodity", "year", "partner", "tonnes", "published", "series", "source"])
        let byISO = Dictionary(countries.filter { $0.formerUntil == nil }.map { ($0.iso3, $0.code) }, uniquingKeysWith: { first, _ in first })
        return try rows.map { row in
            guard let country = byISO[row["country"]] else { throw row.error("unknown country '\(row["country"])' (an ISO3 code)", file: file) }
            let partner: CountryCode? = row["partner"].isEmpty ? nil : byISO[row["partner"]]
            if !row["partner"].isEmpty, partner == nil { throw row.error("unknown partner '\(row["partner"])' (an ISO3 code)", file: file) }
            guard let year = Int(row["year"]), Plausible.years.contains(year) else { throw row.error("year '\(row["year"])' is not a plausible year", file: file) }
            guard let tonnes = Double(row["tonnes"]), tonnes.isFinite, tonnes >= 0 else {
                throw row.error("'tonnes' must be a number of tonnes ≥ 0, not '\(row["tonnes"])'", file: file)
            }
            return OfficialStatistic(
                country: country, commodity: CommodityID(try row.required("commodity", file: file)), year: year, measure: .exports,
                amount: tonnes, published: row["published"], series: row["series"], source: try row.required("source", file: file),
                note: row["note"], partner: partner)
        }
    }
}
