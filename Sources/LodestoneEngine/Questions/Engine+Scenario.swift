import LodestoneCore

/// `scenario run`: a preset, a posted definition, or a restriction given field by field, with
/// any field given replacing the preset's (as the CLI's options do).
public struct ScenarioRunRequest: Sendable, Hashable, Codable {
    public var preset: String?
    /// A whole definition (the format `scenario show` prints).
    public var definition: ScenarioDefinition?
    public var restricting: [String]?
    public var commodities: [String]?
    /// Share of exports withheld, 0...1.
    public var severity: Double?
    /// Only these importers are targeted.
    public var targets: [String]?
    /// Everyone except these is targeted.
    public var exempt: [String]?
    public var extraterritorial: Bool?
    public var durationYears: Double?
    /// Base year; default the last full year before a preset's event, else the latest, and then
    /// a commodity without trade that year uses its nearest year.
    public var year: Int?
    /// Importers to report (countries, groups, unions), or "all" for every country that consumes
    /// the commodity, largest shortfall first.
    public var importers: [String]
    /// A partner group: its members are flagged among the producers best placed to fill the gap.
    public var partners: String?
    /// At most this many importers per commodity, largest shortfall first.
    public var top: Int?

    public init(preset: String? = nil, definition: ScenarioDefinition? = nil, restricting: [String]? = nil, commodities: [String]? = nil,
                severity: Double? = nil, targets: [String]? = nil, exempt: [String]? = nil, extraterritorial: Bool? = nil,
                durationYears: Double? = nil, year: Int? = nil, importers: [String], partners: String? = nil, top: Int? = nil) {
        self.preset = preset
        self.definition = definition
        self.restricting = restricting
        self.commodities = commodities
        self.severity = severity
        self.targets = targets
        self.exempt = exempt
        self.extraterritorial = extraterritorial
        self.durationYears = durationYears
        self.year = year
        self.importers = importers
        self.partners = partners
        self.top = top
    }
}

extension Engine {
    public func scenarioList() -> ScenarioListReport {
        let latest = dataset.tradeYears.last ?? 0
        return ScenarioListReport(rows: presets.map { p in
            ScenarioListReport.Row(name: p.name, title: p.title, effective: p.effective, restricting: p.restricting, commodities: p.commodities,
                                   targets: p.targets.kind.rawValue + (p.targets.countries.map { " " + $0.joined(separator: " ") } ?? ""),
                                   severity: p.severity, severitiesUsed: Self.severitiesUsed(p), extraterritorial: p.extraterritorial,
                                   durationYears: p.durationYears ?? 1, baseYear: p.baseYear(latest: latest))
        })
    }

    /// Each commodity's severity as a run applies it: the preset's own per commodity, else its severity.
    static func severitiesUsed(_ p: ScenarioDefinition) -> String {
        func pct(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }
        guard let own = p.severities, !own.isEmpty else { return pct(p.severity) }
        return p.commodities.map { c in "\(c) \(pct(own[c] ?? p.severity))" }.joined(separator: ", ")
    }

    /// A preset by name, case-insensitive, with the nearest name suggested when there is none.
    public func preset(named name: String) throws(EngineError) -> ScenarioDefinition {
        try Self.preset(named: name, in: presets)
    }

    /// The same lookup on a list of presets (`scenario show` needs no data).
    public static func preset(named name: String, in presets: [ScenarioDefinition]) throws(EngineError) -> ScenarioDefinition {
        if let match = presets.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) { return match }
        throw EngineError(.notFound, "unknown scenario '\(name)'" + suggestion(for: name, in: presets) + " ('lodestone scenario list' shows all)")
    }

    /// The presets a mistyped name probably meant: those sharing the most of its words (in the
    /// name or the commodities: "gallium", "rare-earths-2025"), then the longest common prefix;
    /// nothing when no preset shares a word or four leading letters.
    static func suggestion(for name: String, in presets: [ScenarioDefinition]) -> String {
        func words(_ text: String) -> Set<String> {
            Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map { $0.hasSuffix("s") && $0.count > 4 ? String($0.dropLast()) : String($0) })
        }
        let asked = words(name)
        let scored = presets.map { p -> (name: String, shared: Int, prefix: Int) in
            let own = words(p.name).union(p.commodities.flatMap { words($0) })
            return (p.name, asked.intersection(own).count, p.name.lowercased().commonPrefix(with: name.lowercased()).count)
        }
        let best = scored.filter { $0.shared > 0 || $0.prefix >= 4 }.sorted { ($0.shared, $0.prefix) > ($1.shared, $1.prefix) }
        guard let top = best.first else { return "" }
        let ties = best.filter { $0.shared == top.shared && $0.prefix == top.prefix }.prefix(3).map(\.name)
        return " — did you mean \(ties.count == 1 ? ties[0] : ties.dropLast().joined(separator: ", ") + " or " + ties.last!)?"
    }

    /// Once `cancellation` is set the run stops before its next market and throws a failure saying so.
    public func scenarioRun(_ request: ScenarioRunRequest, cancellation: CancellationFlag? = nil) throws(EngineError) -> ScenarioRunReport {
        try checkYear(request.year)
        try checkTop(request.top)
        let definition = try definition(for: request)
        let importerNames = try names(request.importers, what: "importer")
        guard !importerNames.isEmpty else { throw EngineError(.usage, "name at least one importer to report (e.g. JPN,USA,US-Japan, or all)") }
        // "all": every country of the data (the world view of a restriction); the report lists
        // those that consume the commodity and counts the others.
        let everyCountry = importerNames.count == 1 && importerNames[0].lowercased() == "all"
        guard everyCountry || importerNames.count <= limits.maxImporters else {
            throw EngineError(.usage, "\(importerNames.count) importers asked for; at most \(limits.maxImporters) per run, or 'all' for every country")
        }
        guard definition.commodities.count <= limits.maxCommodities else {
            throw EngineError(.usage, "\(definition.commodities.count) commodities asked for; at most \(limits.maxCommodities) per run")
        }
        for text in definition.restricting + (definition.targets.countries ?? []) { try checkSize(text, what: "country") }
        let scenario: RestrictionScenario
        do { scenario = try definition.resolve(in: dataset) } catch { throw EngineError(error) }
        var importers: [Importer] = everyCountry ? dataset.countries.map(Importer.init) : []
        if !everyCountry { for name in importerNames { importers.append(try importer(name)) } }
        let partners = try request.partners.map { text throws(EngineError) in try importer(text).members } ?? []
        guard let latest = dataset.tradeYears.last else { throw EngineError(.noData, "the store holds no trade") }
        let year = request.year ?? definition.baseYear(latest: latest)
        let outcome: ScenarioOutcome
        do {
            outcome = try dataset.run(scenario, year: year, for: importers, parameters: parameters, partners: partners, yearFallback: request.year == nil,
                                  cancellation: cancellation)
        } catch { throw EngineError(error) }
        return report(outcome, definition: definition, importers: importers, worldView: everyCountry, top: request.top,
                      yearFallback: request.year == nil)
    }

    /// The preset or posted definition (or a blank custom one) with every field given applied.
    func definition(for request: ScenarioRunRequest) throws(EngineError) -> ScenarioDefinition {
        let sources = [request.preset != nil, request.definition != nil, request.restricting != nil].filter { $0 }.count
        if request.preset != nil || request.definition != nil, request.restricting != nil {
            throw EngineError(.usage, "a preset or scenario definition names its own restricting countries: drop 'restricting', or define the whole restriction with restricting, commodities and severity")
        }
        if sources != 1 { throw EngineError(.usage, "give exactly one of: a preset name, a scenario definition, or restricting countries with commodities") }
        if request.restricting != nil, request.commodities == nil { throw EngineError(.usage, "restricting countries need commodities") }
        if request.restricting != nil, request.severity == nil { throw EngineError(.usage, "restricting countries need a severity (0–1)") }
        if request.targets != nil, request.exempt != nil { throw EngineError(.usage, "targets and exempt contradict each other: give one") }
        if let severity = request.severity, !(severity.isFinite && (0...1).contains(severity)) {
            throw EngineError(.usage, "severity \(severity) is outside 0–1 (the share of exports withheld)")
        }
        if let duration = request.durationYears, !(duration.isFinite && duration > 0 && duration <= RestrictionScenario.longestDurationYears) {
            throw EngineError(.usage, "duration \(duration) must be above 0 and at most \(Int(RestrictionScenario.longestDurationYears)) years")
        }
        var definition: ScenarioDefinition
        if let name = request.preset { definition = try preset(named: name) }
        else if let posted = request.definition { definition = posted }
        else {
            definition = ScenarioDefinition(name: "custom", title: "Custom restriction", restricting: try names(request.restricting ?? [], what: "restricting country"),
                                            commodities: [], targets: .init(kind: .everyone), severity: 1, extraterritorial: false)
        }
        if let commodities = request.commodities {
            definition.commodities = try names(commodities, what: "commodity")
            definition.severities = definition.severities?.filter { definition.commodities.contains($0.key) }
            definition.outputChanges = definition.outputChanges?.filter { definition.commodities.contains($0.key) }
        }
        if let severity = request.severity {
            // A stage the preset lists at 0 is not controlled (tungsten ore, listed for China's quota
            // cut): an overall severity leaves it at 0 unless the user chose the commodities.
            let uncontrolled = request.commodities == nil ? definition.severities?.filter { $0.value == 0 } : nil
            definition.severity = severity
            definition.severities = uncontrolled?.isEmpty == false ? uncontrolled : nil
        }
        if let targets = request.targets { definition.targets = .init(kind: .only, countries: try names(targets, what: "target")) }
        if let exempt = request.exempt { definition.targets = .init(kind: .everyoneExcept, countries: try names(exempt, what: "exempt country")) }
        if let extraterritorial = request.extraterritorial { definition.extraterritorial = extraterritorial }
        if let duration = request.durationYears { definition.durationYears = duration }
        return definition
    }

    private func report(_ outcome: ScenarioOutcome, definition: ScenarioDefinition, importers: [Importer], worldView: Bool, top: Int?,
                        yearFallback: Bool) -> ScenarioRunReport {
        let s = outcome.scenario
        let (kind, listed): (ScenarioDefinition.TargetSpec.Kind, [CountryCode]) = switch s.targets {
        case .everyone: (.everyone, [])
        case .only(let list): (.only, list)
        case .everyoneExcept(let list): (.everyoneExcept, list)
        }
        let scenario = ScenarioRunReport.Scenario(
            name: definition.name, title: definition.title, reference: definition.reference, url: definition.url,
            restricting: s.restricting.map { CountryRef($0, in: dataset) },
            commodities: s.commodities.compactMap { dataset.commodity($0) }.map(CommodityRef.init),
            targetKind: kind, targets: listed.map { CountryRef($0, in: dataset) }, severity: s.severity,
            severities: Dictionary(uniqueKeysWithValues: s.severityByCommodity.map { ($0.key.rawValue, $0.value) }),
            extraterritorial: s.extraterritorial, durationYears: s.durationYears)
        var byCommodity: [CommodityID: ScenarioOutcome.Market] = [:]
        for market in outcome.markets { byCommodity[market.commodity] = market }
        var markets = outcome.markets.map { m in
            ScenarioRunReport.Market(outcome: m, commodity: dataset.commodity(m.commodity).map(CommodityRef.init) ?? CommodityRef(id: m.commodity.rawValue))
        }
        let names = Dictionary(importers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var impacts = outcome.impacts
        if worldView {
            // Every country: those with no apparent consumption of a commodity have nothing to lose
            // and are counted in its market (`nonConsumingCountries`), not listed.
            for i in markets.indices {
                markets[i].nonConsumingCountries = impacts.filter { $0.commodity == outcome.markets[i].commodity && !($0.consumptionTonnes > 0) }.count
            }
            impacts = impacts.filter { $0.consumptionTonnes > 0 }
        }
        if worldView || top != nil { impacts = Self.largestShortfallsFirst(impacts, marketOrder: outcome.markets.map(\.commodity), top: top) }
        let rows = impacts.map { i in
            let market = byCommodity[i.commodity]
            return ScenarioRunReport.Row(
                importer: .init(id: i.importer, name: names[i.importer] ?? i.importer), commodity: i.commodity.rawValue,
                name: dataset.commodity(i.commodity)?.name ?? i.commodity.rawValue, consumptionTonnes: i.consumptionTonnes,
                directLossTonnes: i.directLossTonnes, indirectLossTonnes: i.indirectLossTonnes, lossShare: i.lossShare,
                shortfallTonnes: i.shortfallTonnes, shortfallShare: i.shortfallShare, stockDrawTonnes: i.stockDrawTonnes,
                priceChange: i.priceChange, priceChangeLaterYears: i.priceChangeLaterYears, priceChangeOutside: market?.priceChangeOutside ?? 0,
                priceChangeInside: market?.priceChangeInside ?? 0, extraCostUSD: i.extraCostUSD)
        }
        var report = ScenarioRunReport(scenario: scenario, year: outcome.year, yearFallback: yearFallback,
                                       importers: importers.map { ImporterRef($0, in: dataset) }, markets: markets, rows: rows,
                                       notAssessed: outcome.notAssessed.map { NotAssessedItem($0, in: dataset) }, countryNames: countryNames)
        if rows.contains(where: { $0.priceChangeLaterYears != nil }), let paid = report.columns.firstIndex(where: { $0.key == "priceChange" }) {
            report.columns.insert(Column("priceChangeLaterYears", "price paid from year 2", .change), at: paid + 1)
        }
        return report
    }

    /// Within each commodity (in market order), largest shortfall first, ties by importer id so
    /// the same request gives the same bytes; at most `top` of each.
    private static func largestShortfallsFirst(_ impacts: [ScenarioOutcome.Impact], marketOrder: [CommodityID], top: Int?) -> [ScenarioOutcome.Impact] {
        let order = Dictionary(marketOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = impacts.sorted { a, b in
            let (ka, kb) = (order[a.commodity] ?? .max, order[b.commodity] ?? .max)
            return ka != kb ? ka < kb : (a.shortfallTonnes, b.importer) > (b.shortfallTonnes, a.importer)
        }
        guard let top else { return sorted }
        var kept: [CommodityID: Int] = [:]
        return sorted.filter { impact in
            kept[impact.commodity, default: 0] += 1
            return kept[impact.commodity, default: 0] <= top
        }
    }
}
