import LodestoneCore

extension NormalisedData {
    /// Checks what every store relies on, whichever importer produced the data: codes and years
    /// in their `Plausible` ranges, finite non-negative amounts, shares in 0...1, no duplicate
    /// countries or commodities, and every row naming a country, commodity or group member
    /// that exists. The store calls it before writing, so nothing out of range reaches it.
    public func validate() throws {
        func bad(_ table: String, _ row: Int, _ reason: String) -> StoreError {
            .malformedSource(location: "\(table) row \(row + 1)", reason: reason + " — nothing was imported")
        }
        var countryCodes: Set<CountryCode> = []
        for (row, c) in countries.enumerated() {
            guard Plausible.countryCodes.contains(c.code.rawValue), Plausible.countryCodes.contains(c.m49) else {
                throw bad("countries", row, "country code \(c.code) / M49 \(c.m49) is not a three-digit code")
            }
            guard c.formerUntil.map(Plausible.years.contains) ?? true else { throw bad("countries", row, "last year \(c.formerUntil ?? 0) out of range") }
            guard countryCodes.insert(c.code).inserted else { throw bad("countries", row, "country code \(c.code) appears twice") }
        }
        var commodityIDs: Set<CommodityID> = []
        for (row, c) in commodities.enumerated() {
            guard commodityIDs.insert(c.id).inserted else { throw bad("commodities", row, "commodity '\(c.id)' appears twice") }
            guard c.tonnesPerProductionUnit.map({ $0.isFinite && $0 > 0 }) ?? true, c.recyclingRate.map(Plausible.isShare) ?? true else {
                throw bad("commodities", row, "'\(c.id)': tonnes per unit must be > 0 and the recycling rate in 0–1")
            }
            for code in c.tradeCodes {
                guard Plausible.hs6.contains(code.hs6), code.contentFactor.isFinite, code.contentFactor > 0,
                      code.referencePriceUSDPerKg.map({ $0.isFinite && $0 > 0 }) ?? true else {
                    throw bad("commodities", row, "'\(c.id)': trade code \(code.hs6) with content factor \(code.contentFactor) or price out of range")
                }
            }
        }
        for (row, p) in production.enumerated() {
            guard commodityIDs.contains(p.commodity), countryCodes.contains(p.country) else {
                throw bad("production", row, "names unknown commodity '\(p.commodity)' or country \(p.country)")
            }
            guard Plausible.years.contains(p.year) else { throw bad("production", row, "year \(p.year) outside \(Plausible.years)") }
            guard Plausible.isAmount(p.tonnes), p.publishedAmount.isFinite else { throw bad("production", row, "\(p.tonnes) t is not a finite amount ≥ 0") }
        }
        for (row, f) in trade.enumerated() {
            guard countryCodes.contains(f.exporter), countryCodes.contains(f.importer) else {
                throw bad("trade", row, "names unknown country \(countryCodes.contains(f.exporter) ? f.importer : f.exporter)")
            }
            guard Plausible.years.contains(f.year), Plausible.hs6.contains(f.hs6) else { throw bad("trade", row, "year \(f.year) or product \(f.hs6) out of range") }
            guard Plausible.isAmount(f.valueKUSD), f.tonnes.map(Plausible.isAmount) ?? true else {
                throw bad("trade", row, "value \(f.valueKUSD) kUSD or \(f.tonnes ?? 0) t is not a finite amount ≥ 0")
            }
        }
        var officialKeys: Set<String> = []
        for (row, o) in official.enumerated() {
            guard commodityIDs.contains(o.commodity), countryCodes.contains(o.country) else {
                throw bad("official statistics", row, "names unknown commodity '\(o.commodity)' or country \(o.country)")
            }
            guard Plausible.years.contains(o.year) else { throw bad("official statistics", row, "year \(o.year) outside \(Plausible.years)") }
            if let partner = o.partner, !countryCodes.contains(partner) { throw bad("official statistics", row, "names unknown partner \(partner)") }
            guard o.amount.map({ o.measure.isTonnes ? Plausible.isAmount($0) : Plausible.isShare($0) }) ?? true else {
                throw bad("official statistics", row, "\(o.measure.rawValue) of \(o.amount ?? 0) is out of range")
            }
            guard officialKeys.insert("\(o.commodity)|\(o.country)|\(o.partner?.rawValue ?? -1)|\(o.year)|\(o.measure.rawValue)").inserted else {
                throw bad("official statistics", row, "a second \(o.measure.rawValue) for '\(o.commodity)', \(o.country)\(o.partner.map { " to \($0)" } ?? ""), \(o.year)")
            }
        }
        var nameKeys: Set<String> = []
        for (row, n) in countryNames.enumerated() {
            guard countryCodes.contains(n.country) else { throw bad("country names", row, "names unknown country \(n.country)") }
            guard CountryName.languages.contains(n.language), !n.name.isEmpty, n.name.count <= 200 else {
                throw bad("country names", row, "language '\(n.language.prefix(8))' (one of \(CountryName.languages.joined(separator: ", "))) or an empty name")
            }
            guard nameKeys.insert("\(n.country)|\(n.language)").inserted else { throw bad("country names", row, "a second \(n.language) name for \(n.country)") }
        }
        for (row, g) in governance.enumerated() {
            guard countryCodes.contains(g.country) else { throw bad("governance", row, "names unknown country \(g.country)") }
            guard Plausible.years.contains(g.year) else { throw bad("governance", row, "year \(g.year) outside \(Plausible.years)") }
            guard Plausible.isShare(g.score) else { throw bad("governance", row, "score \(g.score) outside 0–1") }
        }
        for (row, g) in groups.enumerated() {
            if let unknown = g.members.first(where: { !countryCodes.contains($0) }) {
                throw bad("groups", row, "group '\(g.id)' names unknown country \(unknown)")
            }
        }
    }
}
