import Foundation
import LodestoneCore
import LodestoneStore
import LodestoneTestSupport
import Testing

/// Countries, groups and minerals as people type them in Japanese and Arabic, on the bundled data
/// (names from Natural Earth, in the snapshot).
@Suite struct LocalNamesTests {
    let dataset = Fixtures.bundledDataset

    @Test(arguments: [("日本", "JPN"), ("اليابان", "JPN"), ("الولايات المتحدة", "USA"), ("アメリカ合衆国", "USA"), ("米国", "USA"),
                      ("中国", "CHN"), ("الصين", "CHN"), ("オーストラリア", "AUS"), ("أستراليا", "AUS"), ("大韓民国", "KOR"), ("韓国", "KOR")])
    func countriesResolveFromJapaneseAndArabic(name: String, iso3: String) throws {
        #expect(try dataset.resolveCountry(name).iso3 == iso3)
        #expect(try dataset.resolveImporter(name).id == iso3)
    }

    @Test func groupsAndUnionsResolveToo() throws {
        #expect(try dataset.resolveImporter("日米").id == "US-Japan")
        #expect(try dataset.resolveImporter("الاتحاد الأوروبي").id == "EU")
        #expect(try dataset.resolveImporter("日本+オーストラリア").members.count == 2)
    }

    @Test(arguments: [("ガリウム", "gallium"), ("الغاليوم", "gallium"), ("ジスプロシウム", "heavy-rare-earth"), ("ネオジム", "rare-earth"),
                      ("黒鉛", "graphite"), ("الكوبالت", "cobalt"), ("dysprosium", "heavy-rare-earth")])
    func mineralsResolveFromTheirNames(name: String, family: String) throws {
        #expect(try dataset.resolveCommodity(name).family == family)
    }

    @Test func theSnapshotHoldsNamesInThreeLanguages() {
        let names = dataset.countryNames
        for language in CountryName.languages { #expect(names.filter { $0.language == language }.count >= 150, "\(language)") }
        let japan = dataset.countries.first { $0.iso3 == "JPN" }!.code
        #expect(dataset.localName(of: japan, language: "ja") == "日本" && dataset.localName(of: japan, language: "ar") == "اليابان")
        // A typo still gets a suggestion; an unknown script is still unknown.
        #expect(throws: LodestoneError.self) { try dataset.resolveCountry("日夲") }
    }
}

@Suite(.enabled(if: Fixtures.hasSharedData, Comment(rawValue: Fixtures.sharedDataReason))) struct NaturalEarthImportTests {
    /// The importer rebuilds the snapshot's names from the original release.
    @Test func theReleaseGivesTheBundledNames() throws {
        let data = try Snapshot.read(from: Snapshot.bundledFolder!)
        let names = try SourceSet.countryNames(naturalEarth: Fixtures.sharedData("names-naturalearth/ne_110m_admin_0_countries.geojson"),
                                               countries: data.countries)
        #expect(Set(names) == Set(data.countryNames))
        #expect(data.provenance.contains { $0.dataset == "names:NaturalEarth" && $0.licence == "public domain" })
    }

    @Test func aFileThatIsNotGeoJSONSaysSo() throws {
        let file = Fixtures.temporaryDirectory().appendingPathComponent("x.geojson").path
        FileManager.default.createFile(atPath: file, contents: Data("[1,2]".utf8))
        #expect { try SourceSet.countryNames(naturalEarth: file, countries: []) } throws: { "\($0)".contains("not a GeoJSON FeatureCollection") }
    }
}
