import LodestoneCore

extension Catalogue {
    /// The United States' official statistics of every stage with an `official` mapping, from
    /// the USGS MCS commodities data's US salient statistics: each measure summed over its
    /// series, times the stage's factor. A series the release does not have is a warning (the
    /// mapping is stale), and a measure with a gap in any series has no amount, never a zero.
    func officialStatistics(from data: USGSCommoditiesData?, countries: [Country]) -> (statistics: [OfficialStatistic], warnings: [ImportWarning]) {
        guard let data, let usa = countries.first(where: { $0.iso3 == "USA" && $0.formerUntil == nil })?.code else { return ([], []) }
        let source = "USGS MCS \(data.edition ?? 2026) data release"
        var statistics: [OfficialStatistic] = [], warnings: [ImportWarning] = []
        for family in families {
            for stage in family.stages {
                guard let official = stage.official else { continue }
                let id = CommodityID("\(family.family):\(stage.stage.rawValue)")
                let measures: [(OfficialStatistic.Measure, [String])] = [
                    (.production, official.production ?? []), (.imports, official.imports ?? []), (.exports, official.exports ?? []),
                    (.consumption, official.consumption.map { [$0] } ?? []), (.netImportReliance, official.netImportReliance.map { [$0] } ?? []),
                ]
                for (measure, names) in measures where !names.isEmpty {
                    let series = names.map { data.salient[USGSCommoditiesData.Key(commodity: official.usgs, statistic: $0)] }
                    if let missing = zip(names, series).first(where: { $1 == nil })?.0 {
                        warnings.append(ImportWarning(location: "catalogue \(id)", message:
                            "no US salient statistic '\(official.usgs): \(missing)' in the USGS MCS commodities data; no official \(measure.rawValue) for this stage"))
                        continue
                    }
                    let years = Set(series.compactMap { $0?.keys }.joined()).sorted()
                    for year in years {
                        let figures = series.map { $0?[year] }
                        guard figures.allSatisfy({ $0 != nil }) else { continue }
                        let amounts = figures.compactMap { $0?.amount }
                        let factor = measure.isTonnes ? (official.factor ?? 1) : 1
                        let amount = amounts.count == figures.count ? amounts.reduce(0, +) * factor : nil
                        statistics.append(OfficialStatistic(
                            country: usa, commodity: id, year: year, measure: measure, amount: amount,
                            published: figures.compactMap { $0?.published }.joined(separator: " + "),
                            series: names.map { "\(official.usgs): \($0)" }.joined(separator: " + "), source: source,
                            comparable: official.anchor ?? true, note: official.note ?? ""))
                    }
                }
            }
        }
        return (statistics, warnings)
    }
}
