import LodestoneCore
import LodestoneTestSupport
import Testing

@Suite struct ImportMixTests {
    @Test func handComputedMix() throws {
        let dataset = SmallWorld.dataset
        let delta = Importer(dataset.country(SmallWorld.d)!)
        let partners = CountryGroup(id: "A", name: "A", members: [SmallWorld.a], source: "")
        let mix = try dataset.importMix(for: delta, commodity: SmallWorld.ore, year: 2020, partners: partners)
        #expect(mix.suppliers.map(\.country) == [SmallWorld.b, SmallWorld.a, SmallWorld.c])
        #expect(mix.totalTonnes == 40 && mix.totalValueKUSD == 85)
        #expect(abs(mix.importHHI - 0.625) < 1e-12)                    // 0.75² + 0.25²
        #expect(abs(mix.governanceWeightedRisk - 0.65) < 1e-12)        // 0.75 × 0.8 + 0.25 × 0.2
        #expect(abs(mix.partnerShare! - 0.25) < 1e-12)
        #expect(abs(mix.suppliers[2].valueShare - 5.0 / 85) < 1e-12)
        #expect(mix.suppliers[2].governanceScore == nil)
        // C's only flow has no quantity: its tonnes are unknown, not 0, and its value is counted apart.
        #expect(mix.suppliers[2].tonnes == nil && mix.suppliers[2].tonnesShare == nil)
        #expect(mix.valueOnlyKUSD == 5)
    }

    @Test func internalTradeIsReportedApart() throws {
        let dataset = SmallWorld.dataset
        let mix = try dataset.importMix(for: Importer(dataset.group("AB")!), commodity: SmallWorld.ore, year: 2020)
        #expect(mix.internalTonnes == 4)
        #expect(mix.suppliers.isEmpty && mix.totalTonnes == 0 && mix.importHHI == 0)
    }

    @Test func japanCobaltSharesSumToOne() throws {
        let dataset = Fixtures.bundledDataset
        let mix = try dataset.importMix(for: try dataset.resolveImporter("JPN"), commodity: "cobalt", year: 2023)
        #expect(abs(mix.suppliers.reduce(0) { $0 + ($1.tonnesShare ?? 0) } - 1) < 1e-9)
        #expect(abs(mix.suppliers.reduce(0) { $0 + $1.valueShare } - 1) < 1e-9)
        #expect(mix.suppliers.count > 3)
    }

    /// HS17 811292 lumps gallium with germanium, hafnium, indium, rhenium and cheaper metals:
    /// Japan's gallium is the allocated share and the basis says so; Germany, which produces none,
    /// ships gallium only out of what it imports; Estonia and Brazil, whose exports have no pool of
    /// the code's members behind them (niobium and tantalum refining), ship next to none.
    @Test func japanGalliumIsAllocatedAndSaysSo() throws {
        let dataset = Fixtures.bundledDataset
        let mix = try dataset.importMix(for: try dataset.resolveImporter("JPN"), commodity: try dataset.resolveCommodity("gallium").id, year: 2024)
        #expect(mix.tradeBasis.nomenclature == .hs17 && mix.tradeBasis.sharedCode == "HS17 811292")
        #expect(mix.tradeBasis.allocation?.contains("germanium:refined") == true)
        let china = try #require(mix.suppliers.first { $0.country == CountryCode(156) })
        #expect((china.tonnesShare ?? 0) > 0.3)
        let germany = try #require(mix.suppliers.first { $0.country == CountryCode(276) })
        #expect((germany.tonnes ?? 0) > 0 && (germany.tonnesShare ?? 1) < 0.2)
        // Estonia and Brazil ship gallium only out of their tiny 811292 imports: under 0.1 % each.
        #expect(mix.suppliers.filter { [CountryCode(233), CountryCode(76)].contains($0.country) }.allSatisfy { ($0.tonnesShare ?? 0) < 0.001 })
        #expect(abs(mix.suppliers.reduce(0) { $0 + ($1.tonnesShare ?? 0) } - 1) < 1e-9)
    }
}
