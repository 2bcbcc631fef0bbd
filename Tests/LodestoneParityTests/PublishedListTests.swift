import Foundation
import LodestoneCore
import LodestoneStore
import LodestoneTestSupport
import Testing

/// Lodestone's priority ranking against published critical-mineral lists (cited fixtures in
/// Tests/Fixtures/critical-lists): the US against the USGS 2025 list, the EU-27 against the EU 2023
/// list (Annex II of Regulation (EU) 2024/1252), over the commodity families the data assess, each
/// at its most exposed consumed stage. The run is `lodestone priorities --importer USA|EU` with its defaults (base
/// year 2024, 100,000 draws, seed 2025); the printed figures are the README's.
///
/// The lists are memberships, not rankings, so agreement is measured as: Spearman's ρ between the
/// expected loss share and membership (1 listed, 0 not; average ranks for ties: the rank-biserial
/// correlation), the AUC (chance that a listed family outranks an unlisted one, ties half), and the
/// precision and recall of the top tiers (high + elevated).
@Suite struct PublishedListTests {
    struct Agreement {
        var covered: Int, listed: Int
        var spearmanLossShare: Double, spearmanShortfallShare: Double, spearmanLossUSD: Double, auc: Double
        var high: Int, topTiers: Int, topTiersListed: Int
        var unlistedTop: [String], listedRanks: [(String, Int)]

        var precision: Double { Double(topTiersListed) / Double(max(1, topTiers)) }
        var recall: Double { Double(topTiersListed) / Double(max(1, listed)) }
    }

    static let draws = 100_000

    static func agreement(importer: String, list: String) throws -> Agreement {
        let dataset = Fixtures.bundledDataset
        let url = URL(fileURLWithPath: Fixtures.path("Tests/Fixtures/critical-lists/\(list).json"))
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let critical = Set(try #require(fixture["lodestone"] as? [String: Any]).keys)
        // The lists name minerals; each family is ranked at its most exposed consumed stage, as
        // `priorities` ranks it.
        let risk = try dataset.simulateRestrictionRisk(
            for: try dataset.resolveImporter(importer), year: 2024, draws: draws, seed: 2025, model: try ScenarioLibrary.riskModel(),
            parameters: try ScenarioLibrary.marketParameters(), history: try ScenarioLibrary.history(in: dataset),
            commodities: dataset.valueChainStages.map(\.id)).mostExposedStagePerFamily(in: dataset)
        let ranked = risk.ranked
        let families = ranked.map { dataset.commodity($0.commodity)?.family ?? $0.commodity.rawValue }
        #expect(Set(families).count == families.count, "one stage per family")
        let listed = families.map { critical.contains($0) ? 1.0 : 0.0 }
        let top = ranked.indices.filter { ranked[$0].tier.isTop }
        return Agreement(
            covered: ranked.count, listed: Int(listed.reduce(0, +)),
            spearmanLossShare: spearman(ranked.map(\.expectedLossShare), listed),
            spearmanShortfallShare: spearman(ranked.map(\.expectedShortfallShare), listed),
            spearmanLossUSD: spearman(ranked.map(\.expectedLossUSD), listed),
            auc: auc(ranked.map(\.expectedLossShare), listed),
            high: ranked.filter { $0.tier == .high }.count, topTiers: top.count, topTiersListed: top.filter { listed[$0] == 1 }.count,
            unlistedTop: top.filter { listed[$0] == 0 }.map { ranked[$0].commodity.rawValue },
            listedRanks: ranked.indices.filter { listed[$0] == 1 }.map { (families[$0], $0 + 1) })
    }

    @Test(arguments: [("USA", "usgs-2025"), ("EU", "eu-2023")])
    func topTiersAreMostlyListedCriticalMinerals(importer: String, list: String) throws {
        let a = try Self.agreement(importer: importer, list: list)
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        print("""
            \(importer) vs \(list): \(a.covered) families assessed, \(a.listed) listed; Spearman rho \(f(a.spearmanLossShare)) \
            (shortfall share \(f(a.spearmanShortfallShare)), loss USD \(f(a.spearmanLossUSD))), AUC \(f(a.auc)); \
            high \(a.high), top tiers \(a.topTiers), listed \(a.topTiersListed) (precision \(f(a.precision)), \
            recall \(a.topTiersListed)/\(a.listed) = \(f(a.recall))); unlisted in top tiers: \(a.unlistedTop); \
            listed ranks: \(a.listedRanks.map { "\($0.0) \($0.1)" })
            """)
        // The top tiers are a focused set, not most of what is assessed.
        #expect(a.topTiers >= 5 && a.topTiers <= a.covered * 2 / 5)
        // Precision: most of what Lodestone puts in its top tiers is on the published list.
        #expect(a.precision >= 0.7)
        // Listed minerals rank above unlisted ones more often than not.
        #expect(a.spearmanLossShare > 0.1 && a.auc > 0.55)
    }

    /// The US ranking against USGS's own order of economic effects (the draft list's ranks 1–50,
    /// Tests/Fixtures/critical-lists/usgs-2025-economic-ranks.csv): Spearman's ρ over the families
    /// both assess, a family taking the best rank among the list members it stands for.
    @Test func usRankingAgainstTheUSGSEconomicEffectOrder() throws {
        let dataset = Fixtures.bundledDataset
        let text = try String(contentsOfFile: Fixtures.path("Tests/Fixtures/critical-lists/usgs-2025-economic-ranks.csv"), encoding: .utf8)
        var usgsRank: [String: Double] = [:]
        for line in text.split(separator: "\n").filter({ !$0.hasPrefix("#") }).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells.count >= 2, let rank = Double(cells[1]) { usgsRank[cells[0]] = rank }
        }
        #expect(usgsRank.count == 50)
        let url = URL(fileURLWithPath: Fixtures.path("Tests/Fixtures/critical-lists/usgs-2025.json"))
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let members = try #require(fixture["lodestone"] as? [String: [String]])
        // The order `priorities --importer USA` gives: every family at its most exposed consumed stage.
        let risk = try dataset.simulateRestrictionRisk(
            for: try dataset.resolveImporter("USA"), year: 2024, draws: Self.draws, seed: 2025, model: try ScenarioLibrary.riskModel(),
            parameters: try ScenarioLibrary.marketParameters(), history: try ScenarioLibrary.history(in: dataset),
            commodities: dataset.valueChainStages.map(\.id)).mostExposedStagePerFamily(in: dataset)
        var lossUSD: [Double] = [], lossShare: [Double] = [], shortfall: [Double] = [], usgs: [Double] = [], names: [String] = []
        for r in risk.ranked {
            let family = dataset.commodity(r.commodity)?.family ?? r.commodity.rawValue
            guard let best = (members[family] ?? []).compactMap({ usgsRank[$0] }).min() else { continue }
            lossUSD.append(r.expectedLossUSD)
            lossShare.append(r.expectedLossShare)
            shortfall.append(r.expectedShortfallShare)
            usgs.append(-best)
            names.append("\(family) \(Int(best))")
        }
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        let rhoUSD = Self.spearman(lossUSD, usgs), rhoShare = Self.spearman(lossShare, usgs), rhoShortfall = Self.spearman(shortfall, usgs)
        print("USA vs USGS 2025 economic-effect order: \(names.count) families in both; Spearman rho loss USD \(f(rhoUSD)), "
              + "loss share \(f(rhoShare)), shortfall share \(f(rhoShortfall)); USGS ranks: \(names)")
        #expect(names.count >= 25)
        // Both rank by the economic cost of a disruption: the orders agree more than they disagree.
        #expect(rhoUSD > 0.2)
    }

    // MARK: Rank statistics

    /// Average ranks (1 = smallest), ties sharing the mean of their positions.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            for k in start...end { result[order[k]] = Double(start + end) / 2 + 1 }
            start = end + 1
        }
        return result
    }

    /// Spearman's ρ: Pearson's correlation of the average ranks (0 when either side is constant).
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let rx = ranks(x), ry = ranks(y), n = Double(x.count)
        let mx = rx.reduce(0, +) / n, my = ry.reduce(0, +) / n
        let cov = zip(rx, ry).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let vx = rx.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, vy = ry.reduce(0) { $0 + ($1 - my) * ($1 - my) }
        return vx > 0 && vy > 0 ? cov / (vx * vy).squareRoot() : 0
    }

    /// Chance that a positive (label 1) scores above a negative, ties counting half.
    static func auc(_ score: [Double], _ label: [Double]) -> Double {
        let positives = score.indices.filter { label[$0] == 1 }, negatives = score.indices.filter { label[$0] == 0 }
        guard !positives.isEmpty, !negatives.isEmpty else { return 0.5 }
        let wins = positives.reduce(0.0) { sum, p in
            sum + negatives.reduce(0.0) { $0 + (score[p] > score[$1] ? 1 : score[p] == score[$1] ? 0.5 : 0) }
        }
        return wins / Double(positives.count * negatives.count)
    }

    @Test func rankStatisticsOnHandCheckedCases() {
        #expect(Self.ranks([10, 30, 20, 20]) == [1, 4, 2.5, 2.5])
        #expect(abs(Self.spearman([1, 2, 3, 4], [10, 20, 30, 40]) - 1) < 1e-12)
        #expect(abs(Self.spearman([1, 2, 3, 4], [4, 3, 2, 1]) + 1) < 1e-12)
        // Binary y: ranks 1.5, 1.5, 3.5, 3.5 against 1…4 → ρ = 0.894427… (= 2/√5).
        #expect(abs(Self.spearman([1, 2, 3, 4], [0, 0, 1, 1]) - 2 / 5.0.squareRoot()) < 1e-12)
        #expect(Self.auc([0.9, 0.1, 0.5, 0.5], [1, 0, 1, 0]) == 0.875)
    }
}
