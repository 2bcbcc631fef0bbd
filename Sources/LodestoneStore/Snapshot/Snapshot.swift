import Foundation
import LodestoneCore

/// The compact normalised snapshot shipped in the repository: one gzip-compressed CSV per row
/// set plus `manifest.json` (provenance and a SHA-256 per file). Reading it back gives the same
/// `NormalisedData` that was written.
public enum Snapshot {
    public struct Manifest: Codable, Sendable {
        public var format: Int
        public var createdAt: String
        public var files: [String: String]
        public var provenance: [Provenance]
    }

    static let formatVersion = 5

    /// The snapshot bundled with the `LodestoneStore` module, if the resource bundle is present.
    public static var bundledFolder: String? {
        guard let url = Bundle.module.url(forResource: "Snapshot", withExtension: nil),
              FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.json").path) else { return nil }
        return url.path
    }

    /// Writes the snapshot as the whole content of `folder`, in one step (see `AtomicFile`):
    /// `folder` must not exist or be empty; with `force` it may hold a previous snapshot.
    public static func write(_ data: NormalisedData, to folder: String, createdAt: String, force: Bool = false) throws {
        var files: [(name: String, data: Data)] = []
        var sums: [String: String] = [:]
        for (name, table) in tables(data) {
            let compressed = try Gzip.compress(table)
            files.append((name, compressed))
            sums[name] = SHA256.hex(of: compressed)
        }
        let manifest = Manifest(format: formatVersion, createdAt: createdAt, files: sums, provenance: data.provenance)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        files.append(("manifest.json", try encoder.encode(manifest)))
        try AtomicFile.writeFolder(files, to: folder, force: force, replaceable: Set(files.map(\.name)))
    }

    static let commodityHeader = ["id", "name", "production_series", "category", "stage", "symbol", "production_unit", "tonnes_per_unit",
                                  "recycling_rate", "family", "is_default", "is_reference", "content_basis", "supply_class", "notes",
                                  "production_basis", "production_world_tonnes", "cited_unit_value"]
    static let tradeCodeHeader = ["commodity", "nomenclature", "hs6", "content_factor", "shared_with", "reference_price"]
    static let officialHeader = ["commodity", "country", "year", "measure", "amount", "published", "series", "source", "comparable", "note", "partner"]
    static let tradeHeader = ["nomenclature", "hs6", "year", "importer", "exporter", "value_kusd", "tonnes"]

    private static func number(_ value: Double?) -> String { value.map { String(describing: $0) } ?? "" }

    private static func tables(_ data: NormalisedData) -> [(String, Data)] {
        [
            ("countries.csv.gz", CSVTable.render(header: ["code", "m49", "iso3", "name", "former_until"], rows: data.countries.map {
                [String($0.code.rawValue), String($0.m49), $0.iso3, $0.name, $0.formerUntil.map(String.init) ?? ""]
            })),
            ("commodities.csv.gz", CSVTable.render(header: commodityHeader, rows: data.commodities.map {
                [$0.id.rawValue, $0.name, $0.productionSeries, $0.category, $0.stage.rawValue, $0.symbol ?? "",
                 $0.productionUnit, number($0.tonnesPerProductionUnit), number($0.recyclingRate), $0.family,
                 $0.isDefaultStage ? "1" : "0", $0.isReference ? "1" : "0", $0.contentBasis, $0.supplyClass.rawValue, $0.notes,
                 $0.productionBasis.rawValue, number($0.productionWorldTonnes), number($0.citedUnitValueUSDPerKg)]
            })),
            ("trade_codes.csv.gz", CSVTable.render(header: tradeCodeHeader, rows: data.commodities.flatMap { c in
                c.tradeCodes.map { [c.id.rawValue, $0.nomenclature.rawValue, String($0.hs6), number($0.contentFactor),
                                    $0.sharedWith.map(\.rawValue).joined(separator: ";"), number($0.referencePriceUSDPerKg)] }
            })),
            ("production.csv.gz", CSVTable.render(header: ["commodity", "country", "year", "tonnes", "published_amount"], rows: data.production.map {
                [$0.commodity.rawValue, String($0.country.rawValue), String($0.year), number($0.tonnes), number($0.publishedAmount)]
            })),
            ("official.csv.gz", CSVTable.render(header: officialHeader, rows: data.official.map {
                [$0.commodity.rawValue, String($0.country.rawValue), String($0.year), $0.measure.rawValue, number($0.amount), $0.published, $0.series, $0.source,
                 $0.comparable ? "1" : "0", $0.note, $0.partner.map { String($0.rawValue) } ?? ""]
            })),
            ("trade.csv.gz", CSVTable.render(header: tradeHeader, rows: data.trade.map {
                [$0.nomenclature.rawValue, String($0.hs6), String($0.year), String($0.importer.rawValue), String($0.exporter.rawValue),
                 number($0.valueKUSD), number($0.tonnes)]
            })),
            ("governance.csv.gz", CSVTable.render(header: ["country", "year", "score", "matched_by"], rows: data.governance.map {
                [String($0.country.rawValue), String($0.year), number($0.score), $0.match.rawValue]
            })),
            ("names.csv.gz", CSVTable.render(header: ["country", "language", "name"], rows: data.countryNames.map {
                [String($0.country.rawValue), $0.language, $0.name]
            })),
            ("groups.csv.gz", CSVTable.render(header: ["id", "name", "source", "members"], rows: data.groups.map {
                [$0.id, $0.name, $0.source, $0.members.map { String($0.rawValue) }.joined(separator: ";")]
            })),
        ]
    }
}
