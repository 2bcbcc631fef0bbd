import Foundation
import LodestoneCore

extension Snapshot {
    /// Reads a snapshot folder, checking each file against the manifest's SHA-256.
    public static func read(from folder: String) throws -> NormalisedData {
        let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
        guard let manifestData = FileManager.default.contents(atPath: manifestPath) else {
            throw StoreError.malformedSnapshot(location: manifestPath, reason: "missing manifest.json")
        }
        let manifest: Manifest
        do { manifest = try JSONDecoder().decode(Manifest.self, from: manifestData) } catch {
            throw StoreError.malformedSnapshot(location: manifestPath, reason: "unreadable manifest (\(error))")
        }
        guard manifest.format == formatVersion else {
            throw StoreError.malformedSnapshot(location: manifestPath, reason: "format \(manifest.format), this lodestone reads format \(formatVersion)")
        }
        func table(_ name: String, _ header: [String]) throws -> [(line: Int, fields: [String])] {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let compressed = FileManager.default.contents(atPath: path) else {
                throw StoreError.malformedSnapshot(location: path, reason: "missing file")
            }
            guard SHA256.hex(of: compressed) == manifest.files[name] else {
                throw StoreError.malformedSnapshot(location: path, reason: "checksum does not match manifest.json")
            }
            let rows = try CSVTable.parse(try Gzip.decompress(compressed), file: name)
            guard rows.first == header else {
                throw StoreError.malformedSnapshot(location: "\(name):1", reason: "expected header \(header.joined(separator: ","))")
            }
            return rows.dropFirst().enumerated().map { (line: $0.offset + 2, fields: $0.element) }.filter { $0.fields != [""] }
        }
        func bad(_ name: String, _ line: Int, _ reason: String) -> StoreError {
            .malformedSnapshot(location: "\(name):\(line)", reason: reason)
        }
        func int(_ text: String, _ name: String, _ line: Int) throws -> Int {
            guard let v = Int(text) else { throw bad(name, line, "'\(text)' is not a whole number") }
            return v
        }
        func double(_ text: String, _ name: String, _ line: Int) throws -> Double {
            guard let v = Double(text), v.isFinite else { throw bad(name, line, "'\(text)' is not a number") }
            return v
        }
        func fields(_ row: (line: Int, fields: [String]), _ count: Int, _ name: String) throws -> [String] {
            guard row.fields.count == count else { throw bad(name, row.line, "expected \(count) fields, found \(row.fields.count)") }
            return row.fields
        }

        var data = NormalisedData()
        data.provenance = manifest.provenance
        let countries = "countries.csv.gz"
        for row in try table(countries, ["code", "m49", "iso3", "name", "former_until"]) {
            let f = try fields(row, 5, countries)
            data.countries.append(Country(code: CountryCode(try int(f[0], countries, row.line)), m49: try int(f[1], countries, row.line),
                                          iso3: f[2], name: f[3], formerUntil: f[4].isEmpty ? nil : try int(f[4], countries, row.line)))
        }
        let codesFile = "trade_codes.csv.gz"
        var codes: [String: [TradeCode]] = [:]
        for row in try table(codesFile, tradeCodeHeader) {
            let f = try fields(row, 6, codesFile)
            guard let nomenclature = Nomenclature(rawValue: f[1]) else { throw bad(codesFile, row.line, "unknown nomenclature '\(f[1])'") }
            let factor = try double(f[3], codesFile, row.line)
            guard factor > 0, factor <= 2 else { throw bad(codesFile, row.line, "content factor \(factor) must be in (0, 2]") }
            codes[f[0], default: []].append(TradeCode(
                nomenclature: nomenclature, hs6: try int(f[2], codesFile, row.line), contentFactor: factor,
                sharedWith: f[4].split(separator: ";").map { CommodityID(String($0)) },
                referencePriceUSDPerKg: f[5].isEmpty ? nil : try double(f[5], codesFile, row.line)))
        }
        let commodities = "commodities.csv.gz"
        for row in try table(commodities, commodityHeader) {
            let f = try fields(row, 15, commodities)
            guard let stage = Commodity.Stage(rawValue: f[4]) else { throw bad(commodities, row.line, "unknown stage '\(f[4])'") }
            guard let supplyClass = Commodity.SupplyClass(rawValue: f[13]) else { throw bad(commodities, row.line, "unknown supply class '\(f[13])'") }
            data.commodities.append(Commodity(
                id: CommodityID(f[0]), name: f[1], productionSeries: f[2], category: f[3], stage: stage, symbol: f[5].isEmpty ? nil : f[5],
                hs6: [], productionUnit: f[6],
                tonnesPerProductionUnit: f[7].isEmpty ? nil : try double(f[7], commodities, row.line),
                recyclingRate: f[8].isEmpty ? nil : try double(f[8], commodities, row.line),
                family: f[9], isDefaultStage: f[10] == "1", isReference: f[11] == "1", tradeCodes: codes[f[0]] ?? [],
                contentBasis: f[12], supplyClass: supplyClass, notes: f[14]))
        }
        let production = "production.csv.gz"
        for row in try table(production, ["commodity", "country", "year", "tonnes", "published_amount"]) {
            let f = try fields(row, 5, production)
            data.production.append(ProductionRecord(
                commodity: CommodityID(f[0]), country: CountryCode(try int(f[1], production, row.line)), year: try int(f[2], production, row.line),
                tonnes: try double(f[3], production, row.line), publishedAmount: try double(f[4], production, row.line)))
        }
        let trade = "trade.csv.gz"
        let tradeRows = try table(trade, tradeHeader)
        data.trade.reserveCapacity(tradeRows.count)
        for row in tradeRows {
            let f = try fields(row, 7, trade)
            guard let nomenclature = Nomenclature(rawValue: f[0]) else { throw bad(trade, row.line, "unknown nomenclature '\(f[0])'") }
            data.trade.append(TradeFlow(
                year: try int(f[2], trade, row.line), exporter: CountryCode(try int(f[4], trade, row.line)),
                importer: CountryCode(try int(f[3], trade, row.line)), hs6: try int(f[1], trade, row.line),
                valueKUSD: try double(f[5], trade, row.line), tonnes: f[6].isEmpty ? nil : try double(f[6], trade, row.line),
                nomenclature: nomenclature))
        }
        let governance = "governance.csv.gz"
        for row in try table(governance, ["country", "year", "score", "matched_by"]) {
            let f = try fields(row, 4, governance)
            guard let match = GovernanceScore.Match(rawValue: f[3]) else { throw bad(governance, row.line, "unknown match '\(f[3])'") }
            data.governance.append(GovernanceScore(country: CountryCode(try int(f[0], governance, row.line)), year: try int(f[1], governance, row.line),
                                                   score: try double(f[2], governance, row.line), match: match))
        }
        let groups = "groups.csv.gz"
        for row in try table(groups, ["id", "name", "source", "members"]) {
            let f = try fields(row, 4, groups)
            data.groups.append(CountryGroup(id: f[0], name: f[1], members: try f[3].split(separator: ";").map { CountryCode(try int(String($0), groups, row.line)) }, source: f[2]))
        }
        return data
    }
}
