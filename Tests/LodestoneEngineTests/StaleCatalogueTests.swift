import LodestoneCore
@testable import LodestoneEngine
import LodestoneStore
import LodestoneTestSupport
import Testing

/// A store built with another catalogue keeps its figures until it is imported again: the engine says so.
@Suite struct StaleCatalogueTests {
    @Test func aStoreFromAnotherCatalogueIsNamedAndTheBundledOneIsNot() throws {
        var data = Fixtures.bundledData
        #expect(Engine.staleCatalogueNote(data.makeDataset()) == nil)
        let index = try #require(data.provenance.firstIndex { $0.dataset == "catalogue" })
        data.provenance[index].version = "2026-11-30"
        let note = try #require(Engine.staleCatalogueNote(data.makeDataset()))
        #expect(note.contains("catalogue 2026-11-30") && note.contains("lodestone data import"))
    }
}
