import Foundation
import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

/// Finding 3 of issue 8: rows that break the store's own invariants (foreign keys bypassed, bytes
/// flipped, types changed) are reported as a damaged store, never trapped on.
@Suite struct StoreDamageTests {
    static let damage: [String] = [
        "INSERT INTO production VALUES ('ore', 999, 2020, 1, 1)",
        "INSERT INTO production VALUES ('no-such-commodity', 1, 2020, 1, 1)",
        "INSERT INTO trade VALUES ('HS92', 111111, 2020, 999, 1, 1, 1)",
        "INSERT INTO trade VALUES ('HS92', 111111, 2020, 4, 999, 1, 1)",
        "UPDATE trade SET importer = 'x'",
        "UPDATE trade SET year = 9000000000000000000",
        "UPDATE trade SET year = 30000000",
        "INSERT INTO governance VALUES (999, 2020, 0.5, 'code')",
        "UPDATE governance SET year = 9000000000000000000",
        "UPDATE governance SET year = 30000000",
        "UPDATE governance SET year = -9000000000000000000",
        "INSERT INTO governance VALUES (2, 3000000, 0.5, 'code')",
        "UPDATE production SET year = 9000000000000000000",
        "INSERT INTO country_group_member VALUES ('AB', 999, 5)",
        "UPDATE trade SET value_kusd = 'lots'",
        "UPDATE country SET m49 = 'x' WHERE code = 4",
        "UPDATE commodity_trade_code SET content_factor = 'big'",
    ]

    func store(damagedBy sql: String) throws -> SQLiteStore {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        try SQLiteStore(path: path).replaceAll(with: SQLiteStoreTests().smallData())
        try StoreFile.execute(sql, at: path)
        return try SQLiteStore(path: path)
    }

    @Test(arguments: damage)
    func aDamagedStoreIsReportedAsDamaged(sql: String) throws {
        let store = try store(damagedBy: sql)
        #expect {
            try store.loadDataset()
        } throws: { error in
            guard case StoreError.damaged = error else { return false }
            return "\(error)".contains("lodestone data import")
        }
    }

    @Test func anIntactStoreLoads() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        try SQLiteStore(path: path).replaceAll(with: SQLiteStoreTests().smallData())
        #expect(try SQLiteStore(path: path).loadDataset().tradeFlowCount == 2)
    }

    /// The builder itself never traps, whatever records it is given.
    @Test func theBuilderCollectsProblemsInsteadOfTrapping() {
        var builder = SmallWorld.records()
        builder.add(Country(code: SmallWorld.a, m49: 1, iso3: "AAA", name: "Alpha again"))
        builder.add(ProductionRecord(commodity: "ore", country: CountryCode(999), year: 2020, tonnes: 1, publishedAmount: 1))
        builder.add(TradeFlow(year: 2020, exporter: CountryCode(999), importer: SmallWorld.d, hs6: 111111, valueKUSD: 1, tonnes: 1))
        builder.add(GovernanceScore(country: SmallWorld.a, year: Int.max, score: 0.5))
        builder.add(GovernanceScore(country: SmallWorld.a, year: Int.min, score: 0.5))
        #expect(builder.problems.count == 5)
        let dataset = builder.build()
        #expect(dataset.countries.count == 4 && dataset.tradeFlowCount == 4)
    }
}
