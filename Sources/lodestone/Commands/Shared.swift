import LodestoneCore

/// An importer as JSON: id, name and members with their codes.
struct ImporterJSON: Encodable {
    struct Member: Encodable {
        var code: Int
        var iso3: String
        var name: String
    }

    var id: String
    var name: String
    var members: [Member]

    init(_ importer: Importer, _ dataset: Dataset) {
        id = importer.id
        name = importer.name
        members = importer.members.compactMap { dataset.country($0) }.map { Member(code: $0.code.rawValue, iso3: $0.iso3, name: $0.name) }
    }
}

/// The default year of a question that needs trade and production: the latest year with both.
func latestAssessableYear(_ dataset: Dataset) throws(LodestoneError) -> Int {
    guard let year = dataset.latestAssessableYear else {
        throw dataset.productionYears.isEmpty ? .invalidParameter("the data set has no production data")
            : .noTrade(year: dataset.productionYears.last ?? 0, available: dataset.tradeYears)
    }
    return year
}

/// Resolves `--commodity` values (repeated, space- or comma-separated); `fallback` when none given.
func selectedCommodities(
    _ texts: [String], in dataset: Dataset, default fallback: [Commodity], reference: Bool = false
) throws(LodestoneError) -> [Commodity] {
    let names = texts.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    if names.isEmpty { return fallback }
    var result: [Commodity] = []
    for name in names {
        let commodity = try dataset.resolveCommodity(name, reference: reference)
        if !result.contains(commodity) { result.append(commodity) }
    }
    return result
}

func countryLabel(_ code: CountryCode, _ dataset: Dataset) -> (iso3: String, name: String) {
    guard let country = dataset.country(code) else { return ("?", "code \(code)") }
    return (country.iso3, country.name)
}
