import LodestoneCore
import LodestoneEngine
import LodestoneSolver
import Testing

/// A group's stockpile plan beside each member planning alone (`StockpileReport.Pooling`).
@Suite(.enabled(if: (try? CBCSolver()) != nil, "CBC is not installed here (sudo apt-get install coinor-libcbc3): pooling tests skipped"))
struct PoolingTests {
    let engine = Shared.engine

    func request(_ importer: String) -> StockpileRequest {
        StockpileRequest(importer: importer, year: 2024, commodities: ["germanium:refined"], draws: 1000)
    }

    /// China, which produces germanium, never falls short of it alone, though the United States
    /// with it does: the member is counted at no cost, and the group still gets its plan.
    @Test func aMemberWithNothingToPlanIsCountedAtNoCostNotAnError() throws {
        #expect { try engine.planStockpile(request("CHN")) } throws: { error in
            (error as? EngineError).map { $0.kind == .usage && $0.message.contains("no stage of China falls short") } ?? false
        }
        let report = try engine.planStockpile(request("USA+CHN"))
        let pooling = try #require(report.pooling)
        #expect(pooling.members == ["USA", "CHN"])
        #expect(report.rows.map(\.commodity) == ["germanium:refined"])
        #expect(pooling.separateCostUSDPerYear > 0 && pooling.jointCostUSDPerYear > 0)
        #expect(abs(pooling.savingUSDPerYear - (pooling.separateCostUSDPerYear - pooling.jointCostUSDPerYear)) <= 1e-6 * pooling.separateCostUSDPerYear)
    }

    /// A bad range is a usage error for a group too, never taken for a member with nothing to plan.
    @Test func aBadRangeIsAUsageErrorForAGroup() {
        var bad = request("USA+CHN")
        bad.purchaseShare = 1.5
        #expect { try engine.planStockpile(bad) } throws: { error in
            (error as? EngineError).map { $0.kind == .usage && $0.message.contains("purchase share 1.5 must be in (0, 1]") } ?? false
        }
    }
}
