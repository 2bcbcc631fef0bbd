import Foundation
import LodestoneCore
import LodestoneStore
import LodestoneTestSupport
import Testing

@Suite struct ScenarioLibraryTests {
    @Test func everyPresetLoadsResolvesAndRuns() throws {
        let dataset = Fixtures.bundledDataset
        let presets = try ScenarioLibrary.presets()
        #expect(presets.count >= 7)
        #expect(Set(presets.map(\.name)).isSuperset(of: [
            "china-gallium-germanium-2023", "china-graphite-2023", "china-antimony-2024", "china-us-ban-2024",
            "china-rare-earths-april-2025", "china-rare-earths-october-2025", "indonesia-nickel-ore-2020",
        ]))
        let parameters = try ScenarioLibrary.marketParameters()
        try parameters.validate()
        for preset in presets {
            #expect(preset.reference != nil && preset.url != nil && preset.effective != nil, "\(preset.name) cites its source")
            let scenario = try preset.resolve(in: dataset)
            let outcome = try dataset.run(scenario, year: 2019, for: [try dataset.resolveImporter("USA")], parameters: parameters)
            #expect(outcome.markets.count + outcome.notAssessed.count == scenario.commodities.count)
        }
    }

    @Test func theIndonesianBanCutsNickelOreSupply() throws {
        let dataset = Fixtures.bundledDataset
        let preset = try #require(try ScenarioLibrary.presets().first { $0.name == "indonesia-nickel-ore-2020" })
        let outcome = try dataset.run(try preset.resolve(in: dataset), year: 2019, for: [try dataset.resolveImporter("CHN")],
                                      parameters: try ScenarioLibrary.marketParameters())
        // Tens of millions of tonnes of laterite ore at ~0.9 % Ni (wet): a few hundred thousand tonnes of nickel.
        #expect(outcome.impacts[0].directLossTonnes > 100_000, "China imported tens of millions of tonnes of Indonesian ore in 2019")
        #expect(outcome.impacts[0].directLossTonnes < 1_000_000, "counted as Ni content, not ore gross weight")
        #expect(outcome.markets[0].priceChangeOutside > 0 && outcome.markets[0].priceChangeInside < 0)
    }

    /// MOFCOM/GAC No. 10 of 2025 controls APT, tungsten oxides and carbides (tungsten:refined), not
    /// ore; molybdenum powders and indium compounds have no stage, and ore and unwrought indium were
    /// not controlled.
    @Test func theTungstenControlsHitAPTNotOre() throws {
        let dataset = Fixtures.bundledDataset
        let preset = try #require(try ScenarioLibrary.presets().first { $0.name == "china-tungsten-2025" })
        let scenario = try preset.resolve(in: dataset)
        #expect(scenario.commodities.map(\.rawValue) == ["tungsten:metal", "tungsten:mine", "tungsten:refined", "tellurium:refined", "bismuth:refined"])
        let outcome = try dataset.run(scenario, year: 2024, for: [try dataset.resolveImporter("USA")], parameters: try ScenarioLibrary.marketParameters())
        let apt = try #require(outcome.impacts.first { $0.commodity == "tungsten:refined" })
        // 30 % of China's 26 % of the United States' 5,250 t of other forms (USGS import sources).
        #expect(apt.consumptionTonnes > 5_000 && apt.directLossTonnes > 300 && apt.directLossTonnes < 500)
        let ore = try #require(outcome.markets.first { $0.commodity == "tungsten:mine" })
        #expect(ore.severity == 0 && ore.withheldTonnes == 0, "ore is not a controlled item")
        #expect(ore.precautionaryTonnes == 0 && ore.priceChangeOutside == 0, "no control to stock up against")
        #expect(ore.insideOutputChangeTonnes < 0 && ore.priceChangeInside > 0, "China's quota cut still tightens its home market")
    }

    /// A ban on Japanese military users (severity 0.05) makes buyers elsewhere stock up against
    /// that small share, not against all China sells them: the world price of magnets moves a
    /// little (it rose 279 % when precautionary buying ignored the severity).
    @Test func aSmallTargetedBanMovesWorldPricesLittle() throws {
        let dataset = Fixtures.bundledDataset
        let preset = try #require(try ScenarioLibrary.presets().first { $0.name == "china-japan-military-2026" })
        let outcome = try dataset.run(try preset.resolve(in: dataset), year: 2024, for: [try dataset.resolveImporter("JPN")],
                                      parameters: try ScenarioLibrary.marketParameters())
        let magnets = try #require(outcome.markets.first { $0.commodity == "rare-earth:component" })
        #expect(magnets.priceChangeOutside > 0 && magnets.priceChangeOutside < 0.2)
        #expect(outcome.markets.allSatisfy { $0.priceChangeOutside < 0.2 })
    }

    @Test func malformedFilesSayWhatIsWrong() throws {
        let folder = Fixtures.temporaryDirectory()
        let file = folder.appendingPathComponent("s.json").path
        FileManager.default.createFile(atPath: file, contents: Data(#"{"name": "x", "title": "x"}"#.utf8))
        #expect { try ScenarioLibrary.definition(at: file) } throws: { "\($0)".contains("missing 'restricting'") }
        FileManager.default.createFile(atPath: file, contents: Data("{ not json".utf8))
        #expect { try ScenarioLibrary.marketParameters(at: file) } throws: { "\($0)".contains("malformed JSON") }
    }
}
