import Foundation
import LodestoneCore

extension Snapshot {
    /// The table files of a snapshot, in the order they are read (later tables refer to earlier ones).
    static let tableNames = ["countries.csv.gz", "trade_codes.csv.gz", "commodities.csv.gz", "production.csv.gz",
                             "official.csv.gz", "trade.csv.gz", "governance.csv.gz", "groups.csv.gz", "names.csv.gz"]

    /// Reads a snapshot folder, checking each file against the manifest's SHA-256 and every
    /// value against its range (`Plausible`): a checksum says the bytes are the ones written,
    /// not that what was written is sane.
    public static func read(from folder: String) throws -> NormalisedData {
        let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
        guard let manifestData = FileManager.default.contents(atPath: manifestPath) else {
            throw StoreError.malformedSnapshot(location: manifestPath, reason: "missing manifest.json")
        }
        let manifest: Manifest
        do { manifest = try JSONDecoder().decode(Manifest.self, from: manifestData) } catch {
            throw StoreError.malformedSnapshot(location: manifestPath, reason: "unreadable manifest: " + Self.describe(error))
        }
        guard manifest.format == formatVersion else {
            throw StoreError.malformedSnapshot(location: manifestPath, reason: "format \(manifest.format), this lodestone reads format \(formatVersion)")
        }
        var tables: [String: Data] = [:]
        for name in tableNames {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let compressed = FileManager.default.contents(atPath: path) else {
                throw StoreError.malformedSnapshot(location: path, reason: "missing file")
            }
            guard SHA256.hex(of: compressed) == manifest.files[name] else {
                throw StoreError.malformedSnapshot(location: path, reason: "checksum does not match manifest.json")
            }
            do { tables[name] = try Gzip.decompress(compressed) } catch {
                throw StoreError.malformedSnapshot(location: path, reason: "\(error)")
            }
        }
        return try decode(tables: tables, provenance: manifest.provenance)
    }

    /// A decoding error as a sentence naming the field, never a Swift type.
    static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String { keys.isEmpty ? "the file" : "'" + keys.map(\.stringValue).joined(separator: ".") + "'" }
        switch error {
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            let expected = type == Int.self ? "a whole number" : type == String.self ? "text" : type is [Any].Type ? "a list" : "a \(type)".lowercased()
            return "\(path(context.codingPath)) should be \(expected)"
        case DecodingError.keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "\(path(context.codingPath)) is not readable"
        default:
            return "not a snapshot manifest"
        }
    }

    /// Parses and checks the decompressed CSV tables. Throws `malformedSnapshot` with file:line
    /// for the first row that is malformed, out of range, or names something that does not exist.
    static func decode(tables: [String: Data], provenance: [Provenance]) throws -> NormalisedData {
        let reader = TableReader(tables: tables)
        var data = NormalisedData()
        data.provenance = provenance
        data.countries = try reader.countries()
        let known = Set(data.countries.map(\.code))
        data.commodities = try reader.commodities(codes: try reader.tradeCodes())
        let commodityIDs = Set(data.commodities.map(\.id))
        data.production = try reader.production(commodities: commodityIDs, known: known)
        data.official = try reader.official(commodities: commodityIDs, known: known)
        data.countryNames = try reader.names(known: known)
        data.trade = try reader.trade(known: known)
        data.governance = try reader.governance(known: known)
        data.groups = try reader.groups(known: known)
        return data
    }

    /// The snapshot's tables, each read into the model's rows with every field checked.
    private struct TableReader {
        let tables: [String: Data]

        /// A table's rows after its header, with their line numbers; blank lines are skipped.
        func table(_ name: String, _ header: [String]) throws -> [(line: Int, fields: [String])] {
            let rows = try CSVTable.parse(tables[name] ?? Data(), file: name)
            guard rows.first == header else {
                throw StoreError.malformedSnapshot(location: "\(name):1", reason: "expected header \(header.joined(separator: ","))")
            }
            return rows.dropFirst().enumerated().map { (line: $0.offset + 2, fields: $0.element) }.filter { $0.fields != [""] }
        }

        func countries() throws -> [Country] {
            let countries = "countries.csv.gz"
            var known = Set<CountryCode>(), result: [Country] = []
            for row in try table(countries, ["code", "m49", "iso3", "name", "former_until"]) {
                let r = try Row(row, 5, countries)
                let code = try r.country(0)
                guard known.insert(code).inserted else { throw r.bad("country code \(code) appears twice") }
                result.append(Country(code: code, m49: try r.int(1, in: Plausible.countryCodes), iso3: r[2], name: r[3],
                                      formerUntil: r[4].isEmpty ? nil : try r.int(4, in: Plausible.years)))
            }
            return result
        }

        func tradeCodes() throws -> [String: [TradeCode]] {
            let codesFile = "trade_codes.csv.gz"
            var codes: [String: [TradeCode]] = [:]
            for row in try table(codesFile, tradeCodeHeader) {
                let r = try Row(row, 6, codesFile)
                guard let nomenclature = Nomenclature(rawValue: r[1]) else { throw r.bad("unknown nomenclature '\(r.excerpt(1))'") }
                let factor = try r.double(3)
                guard factor > 0, factor <= 2 else { throw r.bad("content factor \(factor) must be in (0, 2]") }
                let price = r[5].isEmpty ? nil : try r.double(5)
                guard price.map({ $0 > 0 }) ?? true else { throw r.bad("reference price must be > 0") }
                codes[r[0], default: []].append(TradeCode(
                    nomenclature: nomenclature, hs6: try r.int(2, in: Plausible.hs6), contentFactor: factor,
                    sharedWith: r[4].split(separator: ";").map { CommodityID(String($0)) }, referencePriceUSDPerKg: price))
            }
            return codes
        }

        func commodities(codes: [String: [TradeCode]]) throws -> [Commodity] {
            let commodities = "commodities.csv.gz"
            var commodityIDs = Set<CommodityID>(), result: [Commodity] = []
            for row in try table(commodities, commodityHeader) {
                let r = try Row(row, 18, commodities)
                let cited = r[17].isEmpty ? nil : try r.double(17)
                guard cited.map({ $0 > 0 }) ?? true else { throw r.bad("cited unit value must be > 0") }
                guard let basis = Commodity.ProductionBasis(rawValue: r[15]) else { throw r.bad("unknown production basis '\(r.excerpt(15))'") }
                let world = r[16].isEmpty ? nil : try r.double(16)
                guard world.map({ $0 > 0 }) ?? true else { throw r.bad("world tonnes must be > 0") }
                guard let stage = Commodity.Stage(rawValue: r[4]) else { throw r.bad("unknown stage '\(r.excerpt(4))'") }
                guard let supplyClass = Commodity.SupplyClass(rawValue: r[13]) else { throw r.bad("unknown supply class '\(r.excerpt(13))'") }
                guard commodityIDs.insert(CommodityID(r[0])).inserted else { throw r.bad("commodity '\(r.excerpt(0))' appears twice") }
                let perUnit = r[7].isEmpty ? nil : try r.double(7)
                guard perUnit.map({ $0 > 0 }) ?? true else { throw r.bad("tonnes per unit must be > 0") }
                let recycling = r[8].isEmpty ? nil : try r.double(8)
                guard recycling.map(Plausible.isShare) ?? true else { throw r.bad("recycling rate \(recycling ?? 0) outside 0–1") }
                result.append(Commodity(
                    id: CommodityID(r[0]), name: r[1], productionSeries: r[2], category: r[3], stage: stage, symbol: r[5].isEmpty ? nil : r[5],
                    hs6: [], productionUnit: r[6], tonnesPerProductionUnit: perUnit, recyclingRate: recycling,
                    family: r[9], isDefaultStage: r[10] == "1", isReference: r[11] == "1", tradeCodes: codes[r[0]] ?? [],
                    contentBasis: r[12], supplyClass: supplyClass, notes: r[14], productionBasis: basis, productionWorldTonnes: world,
                    citedUnitValueUSDPerKg: cited))
            }
            return result
        }

        func production(commodities commodityIDs: Set<CommodityID>, known: Set<CountryCode>) throws -> [ProductionRecord] {
            var result: [ProductionRecord] = []
            let production = "production.csv.gz"
            for row in try table(production, ["commodity", "country", "year", "tonnes", "published_amount"]) {
                let r = try Row(row, 5, production)
                guard commodityIDs.contains(CommodityID(r[0])) else { throw r.bad("unknown commodity '\(r.excerpt(0))'") }
                result.append(ProductionRecord(
                    commodity: CommodityID(r[0]), country: try r.country(1, known: known), year: try r.int(2, in: Plausible.years),
                    tonnes: try r.amount(3), publishedAmount: try r.amount(4)))
            }
            return result
        }

        func official(commodities commodityIDs: Set<CommodityID>, known: Set<CountryCode>) throws -> [OfficialStatistic] {
            var result: [OfficialStatistic] = []
            let official = "official.csv.gz"
            for row in try table(official, officialHeader) {
                let r = try Row(row, 11, official)
                guard commodityIDs.contains(CommodityID(r[0])) else { throw r.bad("unknown commodity '\(r.excerpt(0))'") }
                guard let measure = OfficialStatistic.Measure(rawValue: r[3]) else { throw r.bad("unknown measure '\(r.excerpt(3))'") }
                let amount = r[4].isEmpty ? nil : try r.amount(4)
                if let amount, !measure.isTonnes, !Plausible.isShare(amount) { throw r.bad("share \(amount) outside 0–1") }
                result.append(OfficialStatistic(
                    country: try r.country(1, known: known), commodity: CommodityID(r[0]), year: try r.int(2, in: Plausible.years),
                    measure: measure, amount: amount, published: r[5], series: r[6], source: r[7],
                    comparable: r[8] == "1", note: r[9], partner: r[10].isEmpty ? nil : try r.country(10, known: known)))
            }
            return result
        }

        func names(known: Set<CountryCode>) throws -> [CountryName] {
            var result: [CountryName] = []
            let names = "names.csv.gz"
            for row in try table(names, ["country", "language", "name"]) {
                let r = try Row(row, 3, names)
                guard CountryName.languages.contains(r[1]), !r[2].isEmpty else { throw r.bad("language '\(r.excerpt(1))' or an empty name") }
                result.append(CountryName(country: try r.country(0, known: known), language: r[1], name: r[2]))
            }
            return result
        }

        func trade(known: Set<CountryCode>) throws -> [TradeFlow] {
            var result: [TradeFlow] = []
            let trade = "trade.csv.gz"
            let tradeRows = try table(trade, tradeHeader)
            result.reserveCapacity(tradeRows.count)
            for row in tradeRows {
                let r = try Row(row, 7, trade)
                guard let nomenclature = Nomenclature(rawValue: r[0]) else { throw r.bad("unknown nomenclature '\(r.excerpt(0))'") }
                result.append(TradeFlow(
                    year: try r.int(2, in: Plausible.years), exporter: try r.country(4, known: known), importer: try r.country(3, known: known),
                    hs6: try r.int(1, in: Plausible.hs6), valueKUSD: try r.amount(5), tonnes: r[6].isEmpty ? nil : try r.amount(6),
                    nomenclature: nomenclature))
            }
            return result
        }

        func governance(known: Set<CountryCode>) throws -> [GovernanceScore] {
            var result: [GovernanceScore] = []
            let governance = "governance.csv.gz"
            for row in try table(governance, ["country", "year", "score", "matched_by"]) {
                let r = try Row(row, 4, governance)
                guard let match = GovernanceScore.Match(rawValue: r[3]) else { throw r.bad("unknown match '\(r.excerpt(3))'") }
                let score = try r.double(2)
                guard Plausible.isShare(score) else { throw r.bad("score \(score) outside 0–1") }
                result.append(GovernanceScore(country: try r.country(0, known: known), year: try r.int(1, in: Plausible.years),
                                              score: score, match: match))
            }
            return result
        }

        func groups(known: Set<CountryCode>) throws -> [CountryGroup] {
            var result: [CountryGroup] = []
            let groups = "groups.csv.gz"
            for row in try table(groups, ["id", "name", "source", "members"]) {
                let r = try Row(row, 4, groups)
                let members = try r[3].split(separator: ";").map { text -> CountryCode in
                    guard let value = Int(text), known.contains(CountryCode(value)) else { throw r.bad("member '\(text.prefix(20))' is not a country of the snapshot") }
                    return CountryCode(value)
                }
                result.append(CountryGroup(id: r[0], name: r[1], members: members, source: r[2]))
            }
            return result
        }
    }

    /// One CSV row with its file and line, and checked conversions of its fields.
    private struct Row {
        let fields: [String]
        let file: String
        let line: Int

        init(_ row: (line: Int, fields: [String]), _ count: Int, _ file: String) throws {
            self.fields = row.fields
            self.file = file
            self.line = row.line
            guard fields.count == count else { throw bad("expected \(count) fields, found \(fields.count)") }
        }

        subscript(_ index: Int) -> String { fields[index] }

        func bad(_ reason: String) -> StoreError { .malformedSnapshot(location: "\(file):\(line)", reason: reason) }

        func excerpt(_ index: Int) -> String { BACIRelease.excerpt(fields[index]) }

        func int(_ index: Int, in range: ClosedRange<Int>) throws -> Int {
            guard let v = Int(fields[index]) else { throw bad("'\(excerpt(index))' is not a whole number") }
            guard range.contains(v) else { throw bad("\(v) outside \(range.lowerBound)–\(range.upperBound)") }
            return v
        }

        func double(_ index: Int) throws -> Double {
            guard let v = Double(fields[index]), v.isFinite else { throw bad("'\(excerpt(index))' is not a number") }
            return v
        }

        func amount(_ index: Int) throws -> Double {
            let v = try double(index)
            guard v >= 0 else { throw bad("\(v) is negative") }
            return v
        }

        func country(_ index: Int, known: Set<CountryCode>? = nil) throws -> CountryCode {
            let code = CountryCode(try int(index, in: Plausible.countryCodes))
            if let known, !known.contains(code) { throw bad("country \(code) is not in countries.csv.gz") }
            return code
        }
    }
}
