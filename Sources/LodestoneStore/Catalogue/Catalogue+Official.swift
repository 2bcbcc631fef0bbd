import LodestoneCore

extension Catalogue {
    /// The United States' official statistics of every stage with an `official` mapping: each
    /// measure summed over its series, times the stage's factor, from the USGS MCS 2026
    /// commodities data's US salient statistics and, for the years and measures that edition does
    /// not give, the MCS 2025 salient tables (`older`). A series a release does not have is a
    /// warning (the mapping is stale), and a measure with a gap in any series has no amount, never
    /// a zero.
    func officialStatistics(from data: USGSCommoditiesData?, older: USGSSalientTables? = nil,
                            countries: [Country]) -> (statistics: [OfficialStatistic], warnings: [ImportWarning]) {
        guard data != nil || older != nil, let usa = countries.first(where: { $0.iso3 == "USA" && $0.formerUntil == nil })?.code else { return ([], []) }
        var statistics: [OfficialStatistic] = [], warnings: [ImportWarning] = []
        for family in families {
            for stage in family.stages {
                guard let official = stage.official else { continue }
                let id = CommodityID("\(family.family):\(stage.stage.rawValue)")
                var seen: Set<String> = []
                func emit(_ measure: OfficialStatistic.Measure, _ year: Int, _ figures: [USGSCommoditiesData.SalientFigure], series: String, source: String) {
                    guard seen.insert("\(measure.rawValue)|\(year)").inserted else { return }  // the newer edition came first
                    let amounts = figures.compactMap(\.amount)
                    let factor = measure.isTonnes ? (official.factor ?? 1) : 1
                    statistics.append(OfficialStatistic(
                        country: usa, commodity: id, year: year, measure: measure,
                        amount: amounts.count == figures.count ? amounts.reduce(0, +) * factor : nil,
                        published: figures.map(\.published).joined(separator: " + "), series: series, source: source,
                        comparable: (official.anchor ?? true) && official.otherBasis?[measure.rawValue] == nil,
                        note: official.otherBasis?[measure.rawValue] ?? official.note ?? ""))
                }
                if let data {
                    let source = "USGS MCS \(data.edition ?? 2026) data release"
                    for (measure, names) in Self.measures(official.production, official.imports, official.exports, official.consumption, official.netImportReliance) {
                        let series = names.map { data.salient[USGSCommoditiesData.Key(commodity: official.usgs, statistic: $0)] }
                        if let missing = zip(names, series).first(where: { $1 == nil })?.0 {
                            warnings.append(ImportWarning(location: "catalogue \(id)", message:
                                "no US salient statistic '\(official.usgs): \(missing)' in the USGS MCS commodities data; no official \(measure.rawValue) for this stage"))
                            continue
                        }
                        for year in Set(series.compactMap { $0?.keys }.joined()).sorted() {
                            let figures = series.compactMap { $0?[year] }
                            guard figures.count == names.count else { continue }
                            emit(measure, year, figures, series: names.map { "\(official.usgs): \($0)" }.joined(separator: " + "), source: source)
                        }
                    }
                }
                if let data, let form = official.importSources {
                    let shares = Self.importShares(of: id, usgs: official.usgs, form: form, in: data, usa: usa)
                    statistics += shares.statistics
                    warnings += shares.warnings
                }
                if let older, let mapping = official.mcs2025 {
                    for (measure, names) in Self.measures(mapping.production, mapping.imports, mapping.exports, mapping.consumption, mapping.netImportReliance) {
                        let series = names.map { older.figures[USGSSalientTables.Key(commodity: mapping.commodity, column: $0)] }
                        if let missing = zip(names, series).first(where: { $1 == nil })?.0 {
                            warnings.append(ImportWarning(location: "catalogue \(id)", message:
                                "no column '\(missing)' for \(mapping.commodity) in the USGS MCS 2025 salient tables; no MCS 2025 \(measure.rawValue) for this stage"))
                            continue
                        }
                        for year in Set(series.compactMap { $0?.keys }.joined()).sorted() {
                            let figures = series.compactMap { $0?[year] }
                            guard figures.count == names.count else { continue }
                            emit(measure, year, figures, series: names.map { "\(mapping.commodity): \($0)" }.joined(separator: " + "),
                                 source: "USGS MCS 2025 data release")
                        }
                    }
                }
            }
        }
        return (statistics, warnings)
    }

    /// The US import sources of a stage's form, as one share per year of their period and named
    /// partner ("Other countries" is the remainder, left out).
    private static func importShares(of id: CommodityID, usgs: String, form: String, in data: USGSCommoditiesData,
                                     usa: CountryCode) -> (statistics: [OfficialStatistic], warnings: [ImportWarning]) {
        var statistics: [OfficialStatistic] = [], warnings: [ImportWarning] = []
        let sources = data.importSources[USGSCommoditiesData.Key(commodity: usgs, statistic: form)] ?? []
        if sources.isEmpty {
            warnings.append(ImportWarning(location: "catalogue \(id)", message:
                "no US import sources '\(usgs): \(form)' in the USGS MCS commodities data; no official import split for this stage"))
        }
        for source in sources {
            guard let partner = source.country else {
                if !source.partner.lowercased().hasPrefix("other") {
                    warnings.append(ImportWarning(location: "catalogue \(id)", message: "import source '\(source.partner)' is not in the "
                        + "store's country list; its \(percent(source.share)) % counts with the unnamed sources"))
                }
                continue
            }
            let years = Self.years(ofPeriod: source.period)
            if years.isEmpty {
                warnings.append(ImportWarning(location: "catalogue \(id)", message: "import source period '\(source.period)' of "
                    + "\(source.partner) is not a span of years (2021–24); share skipped"))
            }
            for year in years {
                statistics.append(OfficialStatistic(
                    country: usa, commodity: id, year: year, measure: .importShare, amount: source.share,
                    published: "\(percent(source.share)) percent of imports, \(source.period)",
                    series: "\(usgs): Import sources: \(form)", source: "USGS MCS \(data.edition ?? 2026) data release",
                    partner: partner))
            }
        }
        return (statistics, warnings)
    }

    /// The years of an import-source period as published ("2021–24", "2021-2024"); empty when unreadable.
    static func years(ofPeriod period: String) -> [Int] {
        let parts = period.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard parts.count == 2, (1900...2100).contains(parts[0]) else { return [] }
        let end = parts[1] < 100 ? parts[0] / 100 * 100 + parts[1] : parts[1]
        guard end >= parts[0], end - parts[0] < 20 else { return [] }
        return Array(parts[0]...end)
    }

    private static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? String(Int(value)) : String(value)
    }

    private static func measures(_ production: [String]?, _ imports: [String]?, _ exports: [String]?, _ consumption: String?,
                                 _ reliance: String?) -> [(OfficialStatistic.Measure, [String])] {
        [(.production, production ?? []), (.imports, imports ?? []), (.exports, exports ?? []),
         (.consumption, consumption.map { [$0] } ?? []), (.netImportReliance, reliance.map { [$0] } ?? [])].filter { !$0.1.isEmpty }
    }
}
