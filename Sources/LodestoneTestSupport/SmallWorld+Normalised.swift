import Foundation
import LodestoneCore
import LodestoneStore

extension SmallWorld {
    /// The small world as normalised records, as an importer hands them to a store. Version 2
    /// differs from version 1 in every table a metric reads (names, production, trade, governance),
    /// so a read that mixes the two is visible.
    public static func normalised(version: Int = 1) -> NormalisedData {
        let builder = records()
        var data = NormalisedData()
        data.countries = builder.countries.map { var c = $0; if version != 1 { c.name += " (v\(version))" }; return c }
        data.commodities = builder.commodities
        data.groups = builder.groups
        let scale = Double(version)
        data.production = zip([a, b, c], [60.0, 30, 10]).map {
            ProductionRecord(commodity: ore, country: $0.0, year: 2020, tonnes: $0.1 * scale, publishedAmount: $0.1 * scale)
        }
        data.trade = [
            TradeFlow(year: 2020, exporter: a, importer: d, hs6: 111111, valueKUSD: 20 * scale, tonnes: 10 * scale),
            TradeFlow(year: 2020, exporter: b, importer: d, hs6: 222222, valueKUSD: 60, tonnes: 30),
            TradeFlow(year: 2020, exporter: c, importer: d, hs6: 111111, valueKUSD: 5, tonnes: nil),
        ]
        data.governance = [GovernanceScore(country: a, year: 2020, score: version == 1 ? 0.2 : 0.6),
                           GovernanceScore(country: b, year: 2020, score: 0.8)]
        data.provenance = [Provenance(dataset: "trade", source: "SmallWorld v\(version)", version: "\(version)", sha256: "",
                                      licence: "CC0", url: "", importedAt: "2026-11-24T00:00:00Z", rows: data.trade.count)]
        return data
    }

    /// Writes `normalised(version:)` (changed by `edit`) as a snapshot folder with valid checksums.
    public static func writeSnapshot(version: Int = 1, to folder: URL, edit: (inout NormalisedData) -> Void = { _ in }) throws {
        var data = normalised(version: version)
        edit(&data)
        try Snapshot.write(data, to: folder.path, createdAt: "2026-11-24T00:00:00Z")
    }
}
