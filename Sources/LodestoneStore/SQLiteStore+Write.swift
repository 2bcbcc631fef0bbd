import LodestoneCore

extension SQLiteStore {
    /// Replaces every row in one transaction. The data are validated first; constraint
    /// violations abort the whole import and leave the store as it was.
    /// Replaces all data in one transaction; `progress` sees the trade rows written and, once
    /// set, stops the write (the transaction rolls back: the store is unchanged).
    public func replaceAll(with data: NormalisedData, progress: CancellationFlag? = nil) throws {
        try StoreWriter(db: db, path: path, progress: progress).replaceAll(with: data)
    }

    /// Fills the store with `data()` if it holds no data, in one transaction that checks again
    /// under the write lock (another process may have filled it meanwhile). Returns whether it did.
    @discardableResult
    public func fillIfEmpty(with data: () throws -> NormalisedData) throws -> Bool {
        guard try isEmpty() else { return false }
        return try StoreWriter(db: db, path: path).fillIfEmpty(with: try data())
    }
}

/// Writes normalised data through a store's connection: an open store, or one being built.
struct StoreWriter {
    let db: SQLiteDatabase
    let path: String
    var progress: CancellationFlag? = nil

    /// At most this many import warnings are kept (each bounded by `ImportWarning`); a summary
    /// row stands for the rest, so a source full of bad rows cannot inflate the store.
    static let warningLimit = 10_000

    func replaceAll(with data: NormalisedData) throws {
        try data.validate()
        try write {
            try db.transaction {
                try db.execute("""
                    DELETE FROM official_value; DELETE FROM country_name; DELETE FROM import_warning; DELETE FROM provenance; DELETE FROM country_group_member;
                    DELETE FROM country_group; DELETE FROM governance; DELETE FROM trade;
                    DELETE FROM production; DELETE FROM commodity_trade_code; DELETE FROM commodity; DELETE FROM country;
                    """)
                try insertReferenceData(data)
                try insertTrade(data.trade)
                try newState()
            }
        }
    }

    func fillIfEmpty(with data: NormalisedData) throws -> Bool {
        try data.validate()
        return try write {
            try db.transaction {
                guard (try db.scalarInt("SELECT count(*) FROM country") ?? 0) == 0 else { return false }
                try insertReferenceData(data)
                try insertTrade(data.trade)
                try newState()
                return true
            }
        }
    }

    /// Counts the write in the database header's user version (`PRAGMA user_version`), in the same
    /// transaction: the number names the data just written, for the trade cache. It needs no
    /// table, so stores made before it are read as they are (version 0 until their next import).
    private func newState() throws {
        let count = try db.scalarInt("PRAGMA user_version") ?? 0
        try db.execute("PRAGMA user_version = \(count >= Int(Int32.max) ? 1 : count + 1)")
    }

    private func write<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as SQLiteError {
            throw SQLiteStore.storeError(error, path: path, operation: "import")
        }
    }

    func insertReferenceData(_ data: NormalisedData) throws {
        let country = try db.prepare("INSERT INTO country (code, m49, iso3, name, former_until) VALUES (?, ?, ?, ?, ?)")
        for c in data.countries {
            try country.run([.int(c.code.rawValue), .int(c.m49), .text(c.iso3), .text(c.name), c.formerUntil.map { .int($0) } ?? .null])
        }
        let commodity = try db.prepare("""
            INSERT INTO commodity (id, name, production_series, category, stage, symbol, production_unit, tonnes_per_unit, recycling_rate,
                                   family, chain_stage, is_default, is_reference, content_basis, supply_class, notes,
                                   production_basis, production_world_tonnes, cited_unit_value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let code = try db.prepare("""
            INSERT INTO commodity_trade_code (commodity_id, position, nomenclature, hs6, content_factor, shared_with, reference_price)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for c in data.commodities {
            let legacyStage = switch c.stage { case .mine: "extraction"; case .unspecified: "unspecified"; default: "processing" }
            try commodity.run([
                .text(c.id.rawValue), .text(c.name), .text(c.productionSeries), .text(c.category), .text(legacyStage),
                c.symbol.map { .text($0) } ?? .null, .text(c.productionUnit),
                c.tonnesPerProductionUnit.map { .double($0) } ?? .null, c.recyclingRate.map { .double($0) } ?? .null,
                .text(c.family), .text(c.stage.rawValue), .int(c.isDefaultStage ? 1 : 0), .int(c.isReference ? 1 : 0),
                .text(c.contentBasis), .text(c.supplyClass.rawValue), .text(c.notes),
                .text(c.productionBasis.rawValue), c.productionWorldTonnes.map { .double($0) } ?? .null,
                c.citedUnitValueUSDPerKg.map { .double($0) } ?? .null,
            ])
            for (position, t) in c.tradeCodes.enumerated() {
                try code.run([.text(c.id.rawValue), .int(position), .text(t.nomenclature.rawValue), .int(t.hs6), .double(t.contentFactor),
                              .text(t.sharedWith.map(\.rawValue).joined(separator: ";")), t.referencePriceUSDPerKg.map { .double($0) } ?? .null])
            }
        }
        let production = try db.prepare(
            "INSERT INTO production (commodity_id, country_code, year, tonnes, published_amount) VALUES (?, ?, ?, ?, ?)")
        for p in data.production {
            try production.run([.text(p.commodity.rawValue), .int(p.country.rawValue), .int(p.year), .double(p.tonnes), .double(p.publishedAmount)])
        }
        let official = try db.prepare("""
            INSERT INTO official_value (commodity_id, country_code, year, measure, amount, published, series, source, comparable, note, partner_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for o in data.official {
            try official.run([.text(o.commodity.rawValue), .int(o.country.rawValue), .int(o.year), .text(o.measure.rawValue),
                              o.amount.map { .double($0) } ?? .null, .text(o.published), .text(o.series), .text(o.source),
                              .int(o.comparable ? 1 : 0), .text(o.note), .int(o.partner?.rawValue ?? -1)])
        }
        let names = try db.prepare("INSERT INTO country_name (country_code, language, name) VALUES (?, ?, ?)")
        for n in data.countryNames { try names.run([.int(n.country.rawValue), .text(n.language), .text(n.name)]) }
        let governance = try db.prepare("INSERT INTO governance (country_code, year, score, matched_by) VALUES (?, ?, ?, ?)")
        for g in data.governance {
            try governance.run([.int(g.country.rawValue), .int(g.year), .double(g.score), .text(g.match.rawValue)])
        }
        let group = try db.prepare("INSERT INTO country_group (id, name, source) VALUES (?, ?, ?)")
        let member = try db.prepare("INSERT INTO country_group_member (group_id, country_code, position) VALUES (?, ?, ?)")
        for g in data.groups {
            try group.run([.text(g.id), .text(g.name), .text(g.source)])
            for (position, code) in g.members.enumerated() { try member.run([.text(g.id), .int(code.rawValue), .int(position)]) }
        }
        let provenance = try db.prepare("""
            INSERT INTO provenance (dataset, source, version, sha256, licence, url, imported_at, rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for p in data.provenance {
            try provenance.run([.text(p.dataset), .text(p.source), .text(p.version), .text(p.sha256), .text(p.licence),
                                .text(p.url), .text(p.importedAt), .int(p.rows)])
        }
        let warning = try db.prepare("INSERT INTO import_warning (location, message) VALUES (?, ?)")
        for w in data.warnings.prefix(Self.warningLimit) { try warning.run([.text(w.location), .text(w.message)]) }
        if data.warnings.count > Self.warningLimit {
            try warning.run([.text("import"), .text("\(data.warnings.count - Self.warningLimit) more warnings not kept (the first \(Self.warningLimit) are)")])
        }
    }

    func insertTrade(_ flows: [TradeFlow]) throws {
        // Sorted inserts into the WITHOUT ROWID table fill pages in order: several times faster.
        let sorted = flows.sorted {
            ($0.nomenclature, $0.hs6, $0.year, $0.importer.rawValue, $0.exporter.rawValue)
                < ($1.nomenclature, $1.hs6, $1.year, $1.importer.rawValue, $1.exporter.rawValue)
        }
        let insert = try db.prepare(
            "INSERT INTO trade (nomenclature, hs6, year, importer, exporter, value_kusd, tonnes) VALUES (?, ?, ?, ?, ?, ?, ?)")
        progress?.begin("writing \(sorted.count) trade flows", total: sorted.count)
        for (index, f) in sorted.enumerated() {
            if index & 8191 == 0, let progress {
                try progress.check()
                progress.advance(by: min(8192, sorted.count - index))
            }
            try insert.run([.text(f.nomenclature.rawValue), .int(f.hs6), .int(f.year), .int(f.importer.rawValue), .int(f.exporter.rawValue),
                            .double(f.valueKUSD), f.tonnes.map { .double($0) } ?? .null])
        }
    }
}
