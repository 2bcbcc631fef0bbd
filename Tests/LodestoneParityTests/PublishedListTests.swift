import Foundation
import LodestoneCore
import LodestoneStore
import LodestoneTestSupport
import Testing

/// Lodestone's priority ranking against published critical-mineral lists (cited fixtures in
/// Tests/Fixtures/critical-lists): the US against the USGS 2025 list, the EU-27 against the EU 2023
/// list (Annex II of Regulation (EU) 2024/1252), over the commodities the data cover.
@Suite struct PublishedListTests {
    struct Agreement {
        var covered: Int, listed: Int, listedInTopTiers: Int, topTiers: Int, topTiersListed: Int
        var listedRanks: [String: Int]
        var unlistedTop: [String]
    }

    static func agreement(importer: String, list: String) throws -> Agreement {
        let dataset = Fixtures.bundledDataset
        let fixture = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.path("Tests/Fixtures/critical-lists/\(list).json")))) as! [String: Any]
        let critical = Set((fixture["lodestone"] as! [String: Any]).keys)
        let risk = try dataset.simulateRestrictionRisk(
            for: try dataset.resolveImporter(importer), year: 2024, draws: 20_000, seed: 2025, model: try ScenarioLibrary.riskModel(),
            parameters: try ScenarioLibrary.marketParameters(), history: try ScenarioLibrary.history(in: dataset))
        let ranked = risk.commodities.sorted { ($0.expectedShortfallShare, $1.commodity) > ($1.expectedShortfallShare, $0.commodity) }
        // The lists name minerals; each family is ranked at its default stage.
        func family(_ id: CommodityID) -> String { dataset.commodity(id)?.family ?? id.rawValue }
        let top = ranked.filter(\.tier.isTop).map { family($0.commodity) }
        let covered = ranked.map { family($0.commodity) }
        let listed = covered.filter(critical.contains)
        var ranks: [String: Int] = [:]
        for (index, c) in ranked.enumerated() where critical.contains(family(c.commodity)) { ranks[family(c.commodity)] = index + 1 }
        return Agreement(covered: covered.count, listed: listed.count, listedInTopTiers: top.filter(critical.contains).count,
                         topTiers: top.count, topTiersListed: top.filter(critical.contains).count, listedRanks: ranks,
                         unlistedTop: top.filter { !critical.contains($0) })
    }

    @Test(arguments: [("USA", "usgs-2025"), ("EU", "eu-2023")])
    func topTiersAreMostlyListedCriticalMinerals(importer: String, list: String) throws {
        let a = try Self.agreement(importer: importer, list: list)
        print("\(importer) vs \(list): \(a.covered) commodities covered, \(a.listed) on the list; top tiers \(a.topTiers), of which listed \(a.topTiersListed); listed in top tiers \(a.listedInTopTiers)/\(a.listed); unlisted in top tiers: \(a.unlistedTop); listed ranks: \(a.listedRanks.sorted { $0.value < $1.value })")
        #expect(a.topTiers > 0)
        // Precision: a clear majority of what Lodestone puts in its top tiers is on the published list.
        #expect(Double(a.topTiersListed) / Double(a.topTiers) >= 0.6)
        // Listed minerals rank higher than unlisted ones on average (mean rank in the upper half).
        let meanRank = Double(a.listedRanks.values.reduce(0, +)) / Double(a.listedRanks.count)
        #expect(meanRank < Double(a.covered) / 2)
    }
}
