import Foundation

/// A country's trade-derived figures beside its official statistics, stage by stage, and which
/// of the two the answers use.
///
/// Per stage with official statistics in the year: production (the stage's production series),
/// imports and exports (trade flows with a usable quantity, content tonnes), apparent consumption
/// C = P + M − E and net import reliance (M − E) / C, each beside the official figure, with
/// ratio = Lodestone ÷ official. Production, imports and exports take the official total where
/// it anchors (`Dataset+OfficialAnchors`); consumption and reliance are then derived from the
/// figures used. Range: ratios > 0; nil where either side has no amount (a gap, a bound, no
/// production series, a zero official figure).
public struct OfficialCheck: Sendable, Hashable, Codable {
    /// Which figure the answers use for a measure.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// The official total (trade keeps the split across partners).
        case official
        /// Lodestone's own figure: within tolerance, or nothing official to replace it with.
        case trade
        /// Derived from the production, imports and exports used.
        case derived
    }

    public struct Row: Sendable, Hashable, Codable {
        public var commodity: CommodityID
        public var measure: OfficialStatistic.Measure
        /// Trade- or series-derived, before anchoring (tonnes, or a share for reliance).
        public var lodestone: Double?
        /// The official amount, on the stage's basis.
        public var official: Double?
        /// As published ("11,000 kilograms", ">50 percent").
        public var published: String
        /// lodestone ÷ official.
        public var ratio: Double?
        /// The figure the answers use.
        public var used: Double?
        public var basis: Basis
        /// The official series measures the stage's own forms (else it is shown, never used).
        public var isComparable: Bool
        /// Why this basis, and what differs between the series and the stage.
        public var reason: String
        public var series: String
        public var source: String
    }

    public var country: CountryCode
    public var year: Int
    public var rows: [Row]
    /// The tonnes figures with an amount on both sides from series that measure the stage's own
    /// forms: what agreement is counted over.
    public var compared: [Row] { rows.filter { $0.measure.isTonnes && $0.isComparable && $0.ratio != nil } }
}

extension Dataset {
    /// Years with official statistics for a country, ascending.
    public func officialYears(of country: CountryCode) -> [Int] {
        Set(official.keys.filter { $0.country == country }.map(\.year)).sorted()
    }

    public func officialCheck(country code: CountryCode, year: Int) throws(LodestoneError) -> OfficialCheck {
        guard let country = countryIndex[code] else { throw .unknownCountry("\(code)", suggestion: nil) }
        let keys = official.keys.filter { $0.country == code && $0.year == year }
            .sorted { (commodityIndex[$0.commodity] ?? 0) < (commodityIndex[$1.commodity] ?? 0) }
        guard !keys.isEmpty else {
            let years = officialYears(of: code)
            throw .noData("no official statistics for \(countries[Int(country)].name) in \(year)"
                + (years.isEmpty ? "; the data have official statistics for the United States only (USGS MCS)"
                   : years.count == 1 ? "; they exist for \(years[0]) only" : "; they exist for \(years.first!)–\(years.last!)"))
        }
        var rows: [OfficialCheck.Row] = []
        for key in keys {
            guard let index = commodityIndex[key.commodity] else { continue }
            rows += checkRows(of: commodities[index], index: index, country: country, year: year, measures: official[key] ?? [:])
        }
        return OfficialCheck(country: code, year: year, rows: rows)
    }

    private func checkRows(of info: Commodity, index: Int, country: Int32, year: Int,
                           measures: [OfficialStatistic.Measure: OfficialStatistic]) -> [OfficialCheck.Row] {
        let traded = info.isTraded && tradeNomenclature(of: info, year: year) != nil
        let totals = traded ? tradeTotals(of: info, country: country, year: year) : nil
        let anchor = anchors[AnchorKey(commodity: index, year: year)]?[country]
        let series = seriesProduction(commodity: index, country: country, year: year)
        let raw: [OfficialStatistic.Measure: Double?] = [.production: series, .imports: totals?.imports, .exports: totals?.exports]
        // A stage the trade data do not hold, with flows from official import sources: its trade is the official one.
        let sourced = sourcedTrade(of: info, year: year) != nil
        var used: [OfficialStatistic.Measure: Double?] = [
            .production: anchor?.production ?? series,
            .imports: sourced ? measures[.imports]?.amount : totals.map { $0.imports * (anchor?.importScale ?? 1) },
            .exports: sourced ? measures[.exports]?.amount ?? 0 : totals.map { $0.exports * (anchor?.exportScale ?? 1) },
        ]
        func consumption(_ figures: [OfficialStatistic.Measure: Double?]) -> Double? {
            guard let p = figures[.production] ?? nil, let m = figures[.imports] ?? nil, let e = figures[.exports] ?? nil else { return nil }
            return max(0, p + m - e)
        }
        func reliance(_ figures: [OfficialStatistic.Measure: Double?]) -> Double? {
            guard let c = consumption(figures), c > 0, let m = figures[.imports] ?? nil, let e = figures[.exports] ?? nil else { return nil }
            return min(1, max(0, (m - e) / c))
        }
        let lodestoneDerived: [OfficialStatistic.Measure: Double?] = [.consumption: consumption(raw), .netImportReliance: reliance(raw)]
        used[.consumption] = consumption(used)
        used[.netImportReliance] = reliance(used)

        return OfficialStatistic.Measure.allCases.compactMap { measure in
            guard let statistic = measures[measure] else { return nil }
            let mine = (raw[measure] ?? lodestoneDerived[measure]) ?? nil
            let ratio: Double? = if let mine, let official = statistic.amount, official > 0 { mine / official } else { nil }
            let derived = measure == .consumption || measure == .netImportReliance
            let followsImports = measure == .exports && anchor?.exportsFollowImports == true
                || measure == .production && anchor?.productionFromConsumption == true
            let meetsConsumption = measure == .consumption && anchor?.productionFromConsumption == true
            let anchored = switch measure {
            case .production: anchor?.production != nil && anchor?.productionFromConsumption != true
            case .imports: (anchor?.importScale ?? 1) != 1 || sourced
            case .exports: (anchor?.exportScale ?? 1) != 1 && anchor?.exportsFollowImports != true || sourced
            default: false
            }
            // Mine output standing in for a later stage's production is no measure of that stage's
            // own output: the official figure replaces it (anchored), but the two are not compared.
            let standIn = measure == .production && info.productionBasis == .mineOutput
            let comparable = statistic.comparable && !standIn
            var reasons: [String] = []
            if !statistic.comparable { reasons.append("not comparable: \(statistic.note)") }
            else if standIn {
                reasons.append("not comparable: mine output stands in for this stage's production (no country series of it)"
                    + (anchored ? "; the official figure is used" : ""))
            }
            else if sourced, measure == .imports || measure == .exports {
                reasons.append("no trade of this stage in the data: the official total is used, net imports split across partners by the official import sources")
            }
            else if anchored { reasons.append("official total used: Lodestone's differs by more than ×\(Self.officialTolerance)") }
            else if meetsConsumption {
                reasons.append("official consumption met: production set to the domestic supply the series does not count (secondary refining, stock draws)")
            } else if measure == .production, followsImports {
                reasons.append("set so that consumption meets the official figure: domestic supply the series does not count (secondary refining, stock draws)")
            } else if followsImports {
                reasons.append("no official amount (\(statistic.published)): scaled with the imports, ×\(String(format: "%.3g", anchor?.exportScale ?? 1))")
            }
            else if derived { reasons.append("from the production, imports and exports used") }
            else if statistic.amount == nil { reasons.append("no official amount (\(statistic.published))") }
            else if mine == nil { reasons.append(measure == .production ? "no production series for this stage in \(year)" : "no trade for this stage in \(year)") }
            else if let ratio, Self.agrees(ratio, 1) { reasons.append("within ×\(Self.officialTolerance)") }
            else if measure != .production, let official = statistic.amount, official > 0,
                    !Self.canSplit((measure == .imports ? totals?.imports : totals?.exports) ?? 0, over: official) {
                reasons.append("trade records under 1 % of the official total: too little to split it over")
            } else if statistic.amount == 0 { reasons.append("official figure is zero") }
            if comparable, !statistic.note.isEmpty { reasons.append(statistic.note) }
            return OfficialCheck.Row(
                commodity: info.id, measure: measure, lodestone: mine, official: statistic.amount, published: statistic.published,
                ratio: ratio, used: (used[measure] ?? nil) ?? nil, basis: meetsConsumption ? .official : derived || followsImports ? .derived : anchored ? .official : .trade,
                isComparable: comparable, reason: reasons.joined(separator: "; "), series: statistic.series, source: statistic.source)
        }
    }
}
