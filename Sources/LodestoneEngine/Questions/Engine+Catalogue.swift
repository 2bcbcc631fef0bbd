import LodestoneCore

extension Engine {
    public func commodities() -> CommoditiesReport {
        CommoditiesReport(rows: dataset.commodities.map { c in
            let years = dataset.productionYears(of: c.id)
            return .init(id: c.id.rawValue, name: c.name, family: c.family, stage: c.stage.rawValue, isDefaultStage: c.isDefaultStage,
                         productionSeries: c.productionSeries, hs6: c.hs6, productionUnit: c.productionUnit, recyclingRate: c.recyclingRate,
                         supplyClass: c.supplyClass, traded: c.isTraded, productionYears: years, firstYear: years.first, lastYear: years.last)
        })
    }

    public func countries() -> CountriesReport {
        CountriesReport(rows: dataset.countries.map { .init(code: $0.code.rawValue, m49: $0.m49, iso3: $0.iso3, name: $0.displayName, formerUntil: $0.formerUntil) })
    }

    public func groups() -> GroupsReport {
        GroupsReport(rows: dataset.groups.map { g in
            let members = g.members.map { CountryRef($0, in: dataset) }
            return .init(id: g.id, name: g.name, members: members, memberCodes: members.map(\.iso3), source: g.source)
        })
    }

    /// What the engine holds, table by table (the store's tables hold the same rows).
    private func tables() -> [DataInfoReport.Table] {
        func span(_ years: [Int]) -> String? {
            guard let first = years.first, let last = years.last else { return nil }
            return "\(first)–\(last)"
        }
        let governance = dataset.governanceSummary
        return [
            .init(dataset: "countries", rows: dataset.countries.count, years: nil),
            .init(dataset: "commodities", rows: dataset.commodities.count, years: nil),
            .init(dataset: "production", rows: dataset.productionRecordCount, years: span(dataset.productionYears)),
            .init(dataset: "trade", rows: dataset.tradeFlowCount, years: span(dataset.tradeYears)),
            .init(dataset: "governance", rows: governance.count, years: span(governance.years)),
            .init(dataset: "groups", rows: dataset.groups.count, years: nil),
        ]
    }

    /// Sources, versions and licences; `warnings` limits the import warnings listed (nil: all).
    public func dataInfo(warnings: Int? = 20) -> DataInfoReport {
        let all = storeInfo?.warnings ?? []
        return DataInfoReport(
            dataVersion: dataVersion, storePath: storeInfo?.path, schemaVersion: storeInfo?.schemaVersion,
            tradeYears: dataset.tradeYears, productionYears: dataset.productionYears, countries: dataset.countries.count,
            commodities: dataset.commodities.count, tradeFlows: dataset.tradeFlowCount, productionRecords: dataset.productionRecordCount,
            tables: tables(),
            warningCount: storeInfo?.warningCount ?? 0, warnings: Array(all.prefix(warnings ?? all.count)),
            rows: dataset.provenance.map { p in
                .init(dataset: p.dataset, source: p.source, version: p.version, licence: p.licence, url: p.url, sha256: p.sha256,
                      importedAt: p.importedAt, rows: p.rows)
            })
    }
}
