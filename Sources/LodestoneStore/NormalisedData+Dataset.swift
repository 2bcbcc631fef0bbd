import LodestoneCore

extension NormalisedData {
    /// Builds a Dataset straight from normalised records, without a store (tests, snapshots).
    public func makeDataset() -> Dataset {
        var builder = Dataset.Builder()
        for country in countries { builder.add(country) }
        for commodity in commodities { builder.add(commodity) }
        builder.groups = groups
        builder.provenance = provenance
        for record in production { builder.add(record) }
        for score in governance { builder.add(score) }
        for statistic in official { builder.add(statistic) }
        for name in countryNames { builder.add(name) }
        for flow in trade { builder.add(flow) }
        return builder.build()
    }
}
