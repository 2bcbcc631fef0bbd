@testable import LodestoneCore
import LodestoneTestSupport
import Testing

@Suite struct ResolveTests {
    let dataset = Fixtures.bundledDataset

    @Test(arguments: ["JPN", "jpn", "392", "Japan", " japan "])
    func findsJapan(text: String) throws {
        #expect(try dataset.resolveCountry(text).iso3 == "JPN")
    }

    @Test(arguments: ["USA", "842", "840", "United States", "usa", "America"])
    func findsTheUnitedStatesByEitherCode(text: String) throws {
        #expect(try dataset.resolveCountry(text).code == CountryCode(842))
    }

    @Test func findsRepairedAndAliasedNames() throws {
        #expect(try dataset.resolveCountry("Cote d'Ivoire").iso3 == "CIV")
        #expect(try dataset.resolveCountry("Taiwan").code == CountryCode(490))
        #expect(try dataset.resolveCountry("South Korea").iso3 == "KOR")
        #expect(try dataset.resolveCountry("Curaçao").name == "Curaçao")
    }

    /// Reports show "Taiwan" and "United States", not BACI's placeholder and abbreviation; the
    /// data keep their own names for matching other sources.
    @Test func displayNamesReplaceBACIsPlaceholders() throws {
        let taiwan = try dataset.resolveCountry("Taiwan"), usa = try dataset.resolveCountry("USA")
        #expect(taiwan.displayName == "Taiwan" && taiwan.name == "Other Asia, nes")
        #expect(usa.displayName == "United States" && Importer(usa).name == "United States")
        #expect(try dataset.resolveCountry("Japan").displayName == "Japan")
    }

    @Test func suggestsTheNearestCountry() {
        #expect(throws: LodestoneError.unknownCountry("Jpan", suggestion: "Japan (JPN)")) { try dataset.resolveCountry("Jpan") }
        #expect(throws: LodestoneError.unknownCountry("Germny", suggestion: "Germany (DEU)")) { try dataset.resolveCountry("Germny") }
    }

    /// A bare family name means the family's default stage; `family:stage` picks a stage.
    @Test(arguments: [("rare earths", "rare-earth:refined"), ("Rare Earths (REO)", "rare-earth:refined"), ("REE", "rare-earth:refined"),
                      ("cobalt", "cobalt:refined"), ("Chromium", "chromite:mine"), ("lithium", "lithium:refined"),
                      ("Diamonds (Gem)", "diamonds-gem:unspecified"), ("tungsten:metal", "tungsten:metal"), ("Tungsten:MINE", "tungsten:mine"),
                      ("rare earths:component", "rare-earth:component"), ("gallium", "gallium:refined")])
    func findsCommodities(text: String, id: String) throws {
        #expect(try dataset.resolveCommodity(text).id == CommodityID(id))
    }

    @Test(arguments: [("rare earths", "rare-earth"), ("cobalt", "cobalt"), ("Chromium", "chromite")])
    func findsReferenceDefinitions(text: String, id: String) throws {
        #expect(try dataset.resolveCommodity(text, reference: true).id == CommodityID(id))
    }

    @Test(arguments: [("dysprosium", "heavy-rare-earth:refined"), ("Terbium", "heavy-rare-earth:refined"), ("neodymium", "rare-earth:refined"),
                      ("NdPr", "rare-earth:refined"), ("samarium", "rare-earth:refined"), ("NdFeB", "rare-earth:component"),
                      ("lithium hydroxide", "lithium:refined"), ("cobalt metal", "cobalt:metal"), ("hafnium", "hafnium:metal"),
                      ("refined tin", "tin:refined"), ("tin", "tin:mine"), ("APT", "tungsten:refined"), ("tungsten carbide", "tungsten:refined"),
                      ("Tungsten products (APT, oxides, carbides, ferrotungsten, metal)", "tungsten:refined"),
                      ("scandium", "rare-earth:refined"), ("Lutetium", "rare-earth:refined"), ("holmium", "rare-earth:refined")])
    func elementAndProductNamesFindTheirStage(text: String, id: String) throws {
        #expect(try dataset.resolveCommodity(text).id == CommodityID(id))
    }

    @Test func aProductWithoutAStageSaysWhereToLook() throws {
        #expect(throws: LodestoneError.invalidParameter("'synthetic graphite' has no stage in the bundled data: graphite:mine is natural graphite; "
            + "synthetic graphite (HS 380110) is not in the bundled trade data — 'lodestone commodities' lists the stages")) {
            try dataset.resolveCommodity("synthetic graphite")
        }
        // Every product said to be missing is missing from the trade codes, and every stage it
        // points to instead exists.
        let codes = Set(dataset.commodities.flatMap { $0.tradeCodes.map(\.hs6) })
        for (name, instead) in CommodityAliases.missing {
            // The codes named after the ';' are the missing product's.
            for code in String(instead.split(separator: ";").last ?? "").matches(of: /HS (\d{6})/) {
                #expect(!codes.contains(Int(code.1)!), "\(name): HS \(code.1) is in the data")
            }
            for stage in instead.matches(of: /[a-z-]+:[a-z]+/) {
                #expect(dataset.commodity(CommodityID(String(stage.0))) != nil, "\(name): no stage \(stage.0)")
            }
        }
        #expect { try dataset.resolveCommodity("PGMs") } throws: { "\($0)".contains("platinum:metal, palladium:metal, rhodium:metal") }
    }

    @Test func suggestsTheNearestCommodityAndStage() {
        #expect(throws: LodestoneError.unknownCommodity("cobolt", suggestion: "Cobalt (mine) (cobalt:mine)")) { try dataset.resolveCommodity("cobolt") }
        #expect(throws: LodestoneError.unknownCommodity("gallium:mine", suggestion: "gallium:refined")) { try dataset.resolveCommodity("gallium:mine") }
    }

    @Test func importersCanBeGroupsOrUnions() throws {
        let quad = try dataset.resolveImporter("quad")
        #expect(quad.members.count == 4)
        let union = try dataset.resolveImporter("USA+JPN+usa")
        #expect(union.members == [CountryCode(842), CountryCode(392)])
        #expect(union.id == "USA+JPN+USA")
        let extended = try dataset.resolveImporter("Quad+KOR")
        #expect(extended.members.count == 5)
        #expect(throws: LodestoneError.emptySelection("+")) { try dataset.resolveImporter("+") }
        #expect(throws: LodestoneError.self) { try dataset.resolveImporter("USA+Narnia") }
    }
}

/// A stage whose production joins two sources names both, with their years; each name still finds it.
@Suite struct SeriesNameTests {
    @Test(arguments: [
        ("World Mining Data: Rare Earths (REO)", ["Rare Earths (REO)"]),
        ("World Mining Data: Rare Earths (REO) (2018–2024); USGS MCS 2026: Rare Earths, Mine production (2025)",
         ["Rare Earths (REO)", "Rare Earths, Mine production"]),
        ("USGS MCS 2025: Gallium, Primary production (2023); USGS MCS 2026: Gallium, Primary production (2024–2025)",
         ["Gallium, Primary production", "Gallium, Primary production"]),
        ("USGS MCS 2026: Platinum, Mine production: Platinum (2023, 2025)", ["Platinum"]),
        ("BGS: Silicon (ferrosilicon) (2000–2024)", ["Silicon (ferrosilicon)"]),
        ("BGS: Zirconium (ZrO2 2000)", ["Zirconium (ZrO2 2000)"]),
        ("BGS: Vanadium (20000)", ["Vanadium (20000)"]),
        ("BGS: Lithium (2020–)", ["Lithium (2020–)"]),
    ])
    func namesLoseTheirSourceAndYears(label: String, names: [String]) {
        #expect(Dataset.seriesNames(label) == names)
    }
}
