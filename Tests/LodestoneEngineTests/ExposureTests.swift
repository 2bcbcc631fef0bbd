import Foundation
import LodestoneEngine
import LodestoneTestSupport
import Testing

/// `exposure` is `suppliers` read the other way: the same flows, summed by importer.
@Suite struct ExposureTests {
    let engine = Shared.engine

    @Test func eachImportersDependenceIsItsSupplierShareOfTheExporter() throws {
        let exposure = try engine.exposure(ExposureRequest(exporter: "CHN", commodity: "gallium", year: 2024))
        #expect(exposure.exporter.id == "CHN" && exposure.year == 2024)
        #expect(exposure.rows.count == exposure.importerCount && exposure.importerCount > 10)
        let tonnes = exposure.rows.compactMap(\.tonnes)
        #expect(close(tonnes.reduce(0, +), exposure.totalTonnes))
        #expect(close(exposure.rows.compactMap(\.shareOfExports).reduce(0, +), 1))
        for (a, b) in zip(tonnes, tonnes.dropFirst()) { #expect(a >= b) }
        for importer in ["JPN", "KOR", "DEU"] {
            let row = try #require(exposure.rows.first { engine.countryNames.iso3($0.country) == importer }, "\(importer) imports Chinese gallium")
            let mix = try engine.suppliers(SuppliersRequest(importer: importer, commodity: "gallium", year: 2024))
            let china = try #require(mix.rows.first { engine.countryNames.iso3($0.country) == "CHN" })
            #expect(close(row.tonnes, china.tonnes ?? -2), "\(importer): the same flows")
            #expect(close(row.dependence, china.tonnesShare ?? -2), "\(importer): dependence = China's share of its imports")
            #expect(close(row.importsTonnes, mix.totalTonnes))
        }
    }

    @Test func aGroupsInternalTradeIsNotExport() throws {
        let china = try engine.exposure(ExposureRequest(exporter: "CHN", commodity: "gallium", year: 2024))
        let greater = try engine.exposure(ExposureRequest(exporter: "CHN+HKG", commodity: "gallium", year: 2024))
        let names = engine.countryNames
        #expect(china.rows.contains { names.iso3($0.country) == "HKG" })
        #expect(!greater.rows.contains { names.iso3($0.country) == "HKG" || names.iso3($0.country) == "CHN" })
        #expect(greater.exporter.members.map(\.iso3) == ["CHN", "HKG"])
    }

    @Test func badInputIsAUsageErrorThatSaysWhatToDo() {
        #expect(throws: EngineError.self) { try engine.exposure(ExposureRequest(exporter: "Chna", commodity: "gallium")) }
        do {
            _ = try engine.exposure(ExposureRequest(exporter: "Chna", commodity: "gallium"))
        } catch {
            #expect(error.kind == .usage && error.message.contains("did you mean China (CHN)"), "\(error.message)")
        }
        do {
            _ = try engine.exposure(ExposureRequest(exporter: "CHN", commodity: "gallium", top: 0))
        } catch {
            #expect(error.kind == .usage, "\(error.message)")
        }
    }
}
