import Foundation
import LodestoneCore

/// The import-time check that imports and production are on one basis.
enum PhysicalConsistency {
    static func check(_ data: NormalisedData) -> [ImportWarning] {
        let dataset = data.makeDataset()
        return dataset.basisInconsistencies().map { issue in
            let iso3 = dataset.country(issue.country)?.iso3 ?? String(issue.country.rawValue)
            return ImportWarning(
                location: "consistency \(issue.commodity) \(iso3) \(issue.year)",
                message: String(format: "imports %.0f t exceed world production %.0f t on the same basis — check the content factor or the source",
                                issue.importTonnes, issue.worldProductionTonnes))
        }
    }
}

