import LodestoneCore

extension SQLiteStore {
    /// Builds the Dataset. Trade rows come back in primary-key order, so each (HS6, year)
    /// slice arrives already sorted by importer.
    ///
    /// A row that breaks the store's own rules (a value of the wrong type, a country or
    /// commodity that does not exist, a year or number out of range) means the store was damaged
    /// outside Lodestone: it is reported as `StoreError.damaged`, never trapped on or skipped.
    ///
    /// All tables are read in one read transaction, so a load that overlaps an import in another
    /// process sees the store entirely before or entirely after it, never a mixture.
    /// With a cache, the trade comes from the cache file of the store's
    /// present state when there is one, and is written there after a scan when there is not.
    public func loadDataset(cache: TradeCache? = nil) throws -> Dataset {
        guard let cache, let before = TradeCache.fingerprint(of: path) else { return try load(cache: nil).dataset }
        let first = try load(cache: (cache, before))
        guard TradeCache.fingerprint(of: path) == before else {
            // The store changed while it was read: the cache file may belong to another state than
            // the read transaction saw, so it is neither trusted nor written.
            return first.fromCache ? try load(cache: nil).dataset : first.dataset
        }
        if let pending = first.pending { cache.write(pending.image, to: pending.file) }
        return first.dataset
    }

    private struct Loaded {
        var dataset: Dataset
        var fromCache = false
        var pending: (image: [UInt8], file: String)?
    }

    private func load(cache: (cache: TradeCache, fingerprint: String)?) throws -> Loaded {
        try wrap("read") { try db.readTransaction {
            var builder = Dataset.Builder()
            for country in try readCountries() { builder.add(country) }
            for commodity in try readCommodities() { builder.add(commodity) }
            builder.groups = try readGroups()
            builder.checkGroups()
            builder.provenance = try readProvenance()
            for record in try readProduction() { builder.add(record) }
            for statistic in try readOfficial() { builder.add(statistic) }
            for name in try readCountryNames() { builder.add(name) }
            for score in try readGovernance() { builder.add(score) }
            let file = try cache.map { $0.cache.file(fingerprint: $0.fingerprint, state: try readState(), provenance: builder.provenance) }
            if let file, let image = cache?.cache.read(file), builder.loadTradeImage(image) {
                if builder.countries.isEmpty { throw StoreError.emptyStore(path: path) }
                if let first = builder.problems.first {
                    throw damaged(builder.problemCount == 1 ? first : "\(builder.problemCount) rows break its rules, e.g. \(first)")
                }
                return Loaded(dataset: builder.build(), fromCache: true)
            }
            let trade = try db.prepare("SELECT hs6, year, importer, exporter, value_kusd, tonnes, nomenclature FROM trade")
            var nomenclature = Nomenclature.hs92, lastText = "HS92"
            while try trade.step() {
                let text = trade.strictText(6) ?? ""
                if text != lastText {
                    guard let parsed = Nomenclature(rawValue: text) else { throw damaged("trade row with nomenclature '\(text.prefix(20))'") }
                    nomenclature = parsed
                    lastText = text
                }
                guard let hs6 = trade.strictInt(0), let year = trade.strictInt(1), let importer = trade.strictInt(2),
                      let exporter = trade.strictInt(3), let value = trade.strictDouble(4) else { throw damaged("trade row with a value of the wrong type") }
                let tonnes = trade.isNull(5) ? Double.nan : try need(trade.strictDouble(5), "trade tonnes")
                builder.addTrade(year: year, exporter: CountryCode(exporter), importer: CountryCode(importer),
                                 hs6: hs6, valueKUSD: value, tonnes: tonnes, nomenclature: nomenclature)
            }
            if builder.countries.isEmpty { throw StoreError.emptyStore(path: path) }
            if let first = builder.problems.first {
                throw damaged(builder.problemCount == 1 ? first : "\(builder.problemCount) rows break its rules, e.g. \(first)")
            }
            builder.finishTrade()
            return Loaded(dataset: builder.build(), pending: file.map { (builder.tradeImage(), $0) })
        } }
    }

    public func exportAll() throws -> NormalisedData {
        try wrap("read") { try db.readTransaction {
            var data = NormalisedData()
            data.countries = try readCountries()
            data.commodities = try readCommodities()
            data.production = try readProduction()
            data.official = try readOfficial()
            data.countryNames = try readCountryNames()
            data.governance = try readGovernance()
            data.groups = try readGroups()
            data.provenance = try readProvenance()
            let trade = try db.prepare("SELECT hs6, year, importer, exporter, value_kusd, tonnes, nomenclature FROM trade")
            while try trade.step() {
                guard let hs6 = trade.strictInt(0), let year = trade.strictInt(1), let importer = trade.strictInt(2),
                      let exporter = trade.strictInt(3), let value = trade.strictDouble(4),
                      let nomenclature = Nomenclature(rawValue: trade.strictText(6) ?? "") else {
                    throw damaged("trade row with a value of the wrong type")
                }
                data.trade.append(TradeFlow(
                    year: year, exporter: CountryCode(exporter), importer: CountryCode(importer), hs6: hs6, valueKUSD: value,
                    tonnes: trade.isNull(5) ? nil : try need(trade.strictDouble(5), "trade tonnes"), nomenclature: nomenclature))
            }
            return data
        } }
    }

    public func info() throws -> StoreInfo {
        try wrap("read") { try db.readTransaction {
            let schema = try db.prepare("SELECT name FROM lodestone_migration ORDER BY rowid DESC LIMIT 1")
            let version = try schema.step() ? schema.text(0) ?? "" : ""
            let warnings = try db.prepare("SELECT location, message FROM import_warning ORDER BY id")
            var list: [ImportWarning] = []
            while try warnings.step() { list.append(ImportWarning(location: warnings.text(0) ?? "", message: warnings.text(1) ?? "")) }
            return StoreInfo(path: path, schemaVersion: version, provenance: try readProvenance(),
                             warningCount: list.count, warnings: list)
        } }
    }

    func damaged(_ reason: String) -> StoreError { .damaged(path: path, reason: reason) }

    /// The value, or a `damaged` error naming what was of the wrong type.
    func need<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw damaged("\(what) holds a value of the wrong type") }
        return value
    }

    private func readCountryNames() throws -> [CountryName] {
        let s = try db.prepare("SELECT country_code, language, name FROM country_name ORDER BY country_code, language")
        var result: [CountryName] = []
        while try s.step() {
            result.append(CountryName(country: CountryCode(try need(s.strictInt(0), "country_name.country_code")),
                                      language: try need(s.strictText(1), "country_name.language"), name: try need(s.strictText(2), "country_name.name")))
        }
        return result
    }

    /// -1 in `official_value.partner_code` is the country's total, anything else a partner's code.
    private static func partner(_ code: Int) -> CountryCode? { code < 0 ? nil : CountryCode(code) }

    private func readOfficial() throws -> [OfficialStatistic] {
        let s = try db.prepare("""
            SELECT commodity_id, country_code, year, measure, amount, published, series, source, comparable, note, partner_code
            FROM official_value ORDER BY commodity_id, country_code, partner_code, year, measure
            """)
        var result: [OfficialStatistic] = []
        while try s.step() {
            guard let measure = OfficialStatistic.Measure(rawValue: s.strictText(3) ?? "") else {
                throw damaged("official statistic with measure '\((s.text(3) ?? "").prefix(30))'")
            }
            result.append(OfficialStatistic(
                country: CountryCode(try need(s.strictInt(1), "official_value.country_code")),
                commodity: CommodityID(try need(s.strictText(0), "official_value.commodity_id")),
                year: try need(s.strictInt(2), "official_value.year"), measure: measure,
                amount: s.isNull(4) ? nil : try need(s.strictDouble(4), "official_value.amount"),
                published: s.text(5) ?? "", series: s.text(6) ?? "", source: s.text(7) ?? "",
                comparable: try need(s.strictInt(8), "official_value.comparable") != 0, note: s.text(9) ?? "",
                partner: try Self.partner(need(s.strictInt(10), "official_value.partner_code"))))
        }
        return result
    }

    private func readCountries() throws -> [Country] {
        let s = try db.prepare("SELECT code, m49, iso3, name, former_until FROM country ORDER BY code")
        var result: [Country] = []
        while try s.step() {
            result.append(Country(code: CountryCode(try need(s.strictInt(0), "country.code")), m49: try need(s.strictInt(1), "country.m49"),
                                  iso3: try need(s.strictText(2), "country.iso3"), name: try need(s.strictText(3), "country.name"),
                                  formerUntil: s.isNull(4) ? nil : try need(s.strictInt(4), "country.former_until")))
        }
        return result
    }

    private func readCommodities() throws -> [Commodity] {
        var codes: [String: [TradeCode]] = [:]
        let hs = try db.prepare("""
            SELECT commodity_id, nomenclature, hs6, content_factor, shared_with, reference_price FROM commodity_trade_code
            ORDER BY commodity_id, position
            """)
        while try hs.step() {
            guard let nomenclature = Nomenclature(rawValue: hs.strictText(1) ?? "") else {
                throw damaged("trade code with nomenclature '\((hs.text(1) ?? "").prefix(20))'")
            }
            let hs6 = try need(hs.strictInt(2), "commodity_trade_code.hs6"), factor = try need(hs.strictDouble(3), "commodity_trade_code.content_factor")
            guard Plausible.hs6.contains(hs6), factor.isFinite, factor > 0 else { throw damaged("trade code \(hs6) with content factor \(factor)") }
            let shared = (hs.text(4) ?? "").split(separator: ";").map { CommodityID(String($0)) }
            codes[hs.text(0) ?? "", default: []].append(
                TradeCode(nomenclature: nomenclature, hs6: hs6, contentFactor: factor, sharedWith: shared,
                          referencePriceUSDPerKg: hs.isNull(5) ? nil : try need(hs.strictDouble(5), "commodity_trade_code.reference_price")))
        }
        let s = try db.prepare("""
            SELECT id, name, production_series, category, chain_stage, symbol, production_unit, tonnes_per_unit, recycling_rate,
                   family, is_default, is_reference, content_basis, supply_class, notes, production_basis, production_world_tonnes,
                   cited_unit_value
            FROM commodity ORDER BY rowid
            """)
        var result: [Commodity] = []
        while try s.step() {
            let id = try need(s.strictText(0), "commodity.id")
            result.append(Commodity(
                id: CommodityID(id), name: s.text(1) ?? "", productionSeries: s.text(2) ?? "", category: s.text(3) ?? "",
                stage: Commodity.Stage(rawValue: s.text(4) ?? "") ?? .unspecified, symbol: s.text(5),
                hs6: [], productionUnit: s.text(6) ?? "",
                tonnesPerProductionUnit: s.isNull(7) ? nil : try need(s.strictDouble(7), "commodity.tonnes_per_unit"),
                recyclingRate: s.isNull(8) ? nil : try need(s.strictDouble(8), "commodity.recycling_rate"),
                family: s.text(9) ?? id, isDefaultStage: s.int(10) == 1, isReference: s.int(11) == 1,
                tradeCodes: codes[id] ?? [], contentBasis: s.text(12) ?? "",
                supplyClass: Commodity.SupplyClass(rawValue: s.text(13) ?? "") ?? .mainProduct, notes: s.text(14) ?? "",
                productionBasis: try need(Commodity.ProductionBasis(rawValue: s.text(15) ?? ""), "commodity.production_basis"),
                productionWorldTonnes: s.isNull(16) ? nil : try need(s.strictDouble(16), "commodity.production_world_tonnes"),
                citedUnitValueUSDPerKg: s.isNull(17) ? nil : try need(s.strictDouble(17), "commodity.cited_unit_value")))
        }
        return result
    }

    private func readProduction() throws -> [ProductionRecord] {
        let s = try db.prepare("SELECT commodity_id, country_code, year, tonnes, published_amount FROM production")
        var result: [ProductionRecord] = []
        while try s.step() {
            result.append(ProductionRecord(commodity: CommodityID(try need(s.strictText(0), "production.commodity_id")),
                                           country: CountryCode(try need(s.strictInt(1), "production.country_code")),
                                           year: try need(s.strictInt(2), "production.year"), tonnes: try need(s.strictDouble(3), "production.tonnes"),
                                           publishedAmount: try need(s.strictDouble(4), "production.published_amount")))
        }
        return result
    }

    private func readGovernance() throws -> [GovernanceScore] {
        let s = try db.prepare("SELECT country_code, year, score, matched_by FROM governance")
        var result: [GovernanceScore] = []
        while try s.step() {
            guard let match = GovernanceScore.Match(rawValue: s.strictText(3) ?? "") else { throw damaged("governance.matched_by holds an unknown value") }
            result.append(GovernanceScore(country: CountryCode(try need(s.strictInt(0), "governance.country_code")),
                                          year: try need(s.strictInt(1), "governance.year"),
                                          score: try need(s.strictDouble(2), "governance.score"), match: match))
        }
        return result
    }

    private func readGroups() throws -> [CountryGroup] {
        var members: [String: [CountryCode]] = [:]
        let m = try db.prepare("SELECT group_id, country_code FROM country_group_member ORDER BY group_id, position")
        while try m.step() { members[m.text(0) ?? "", default: []].append(CountryCode(try need(m.strictInt(1), "country_group_member.country_code"))) }
        let s = try db.prepare("SELECT id, name, source FROM country_group ORDER BY rowid")
        var result: [CountryGroup] = []
        while try s.step() {
            let id = s.text(0) ?? ""
            result.append(CountryGroup(id: id, name: s.text(1) ?? "", members: members[id] ?? [], source: s.text(2) ?? ""))
        }
        return result
    }

    /// The count of writes to the store (`PRAGMA user_version`, see `StoreWriter`), read in the
    /// caller's transaction: it names the data that transaction sees.
    private func readState() throws -> Int {
        try db.scalarInt("PRAGMA user_version") ?? 0
    }

    private func readProvenance() throws -> [Provenance] {
        let s = try db.prepare("SELECT dataset, source, version, sha256, licence, url, imported_at, rows FROM provenance ORDER BY rowid")
        var result: [Provenance] = []
        while try s.step() {
            result.append(Provenance(dataset: s.text(0) ?? "", source: s.text(1) ?? "", version: s.text(2) ?? "",
                                     sha256: s.text(3) ?? "", licence: s.text(4) ?? "", url: s.text(5) ?? "",
                                     importedAt: s.text(6) ?? "", rows: s.int(7)))
        }
        return result
    }
}
