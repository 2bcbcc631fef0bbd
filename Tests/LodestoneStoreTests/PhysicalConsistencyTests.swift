import LodestoneCore
import LodestoneTestSupport
import Testing

/// Imports, exports and production on one basis: in the bundled data no country imports more of
/// a stage in a year than the whole world produces of it.
@Suite struct PhysicalConsistencyTests {
    @Test func noImportExceedsWorldProductionInTheBundledData() {
        let issues = Fixtures.bundledDataset.basisInconsistencies()
        #expect(issues.isEmpty, "\(issues.prefix(5))")
    }
}
