import LodestoneCore

/// Turning what a request names into the model's types, within the engine's limits.
extension Engine {
    func importer(_ text: String) throws(EngineError) -> Importer {
        try checkSize(text, what: "importer")
        do { return try dataset.resolveImporter(text) } catch { throw EngineError(error) }
    }

    func commodity(_ text: String) throws(EngineError) -> Commodity {
        try checkSize(text, what: "commodity")
        do { return try dataset.resolveCommodity(text) } catch { throw EngineError(error) }
    }

    /// Names given as a list, each entry possibly comma-separated; blanks dropped.
    func names(_ texts: [String], what: String) throws(EngineError) -> [String] {
        for text in texts { try checkSize(text, what: what) }
        // An empty name is a mistake (an unset shell variable), not "no filter": leaving the option out means that.
        if texts.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw EngineError(.usage, "an empty \(what) name was given; name one (e.g. gallium), or leave the option out for all")
        }
        // A name that itself holds a comma ("Tungsten (unwrought, powders)", "China, Hong Kong SAR")
        // is kept whole; any other text is a comma-separated list.
        let names = texts.flatMap { text in
            text.contains(",") && isWholeName(text) ? [Substring(text)] : text.split(separator: ",")
        }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard names.count <= limits.maxNamesPerList else {
            throw EngineError(.usage, "too many \(what) entries (\(names.count)); at most \(limits.maxNamesPerList) per request")
        }
        return names
    }

    /// Whether `text` as a whole names a commodity, country or group.
    private func isWholeName(_ text: String) -> Bool {
        (try? dataset.resolveCommodity(text)) != nil || (try? dataset.resolveImporter(text)) != nil
    }

    /// Refuses a name too long or a union of too many parts before resolving it: resolving costs
    /// a suggestion search per unknown part.
    func checkSize(_ text: String, what: String) throws(EngineError) {
        guard text.utf8.count <= limits.maxTextLength else {
            throw EngineError(.usage, "the \(what) text is \(text.utf8.count) characters long; at most \(limits.maxTextLength)")
        }
        let parts = text.split(separator: "+").count
        guard parts <= limits.maxNamesPerList else {
            throw EngineError(.usage, "the \(what) '\(text.prefix(40))…' joins \(parts) names; at most \(limits.maxNamesPerList)")
        }
    }

    /// The one default-year rule: the latest year with the data the question needs — trade and
    /// production (of `commodity`, when one is named), or only production (`needsTrade: false`,
    /// for `concentration`), or only trade (`needsProduction: false`, for `suppliers`).
    public func defaultYear(commodity: Commodity? = nil, needsTrade: Bool = true, needsProduction: Bool = true) throws(EngineError) -> Int {
        let production = Set(commodity.map { dataset.productionYears(of: $0.id) } ?? dataset.productionYears)
        let trade = Set(commodity.map { dataset.tradeYears(of: $0) } ?? dataset.tradeYears)
        let candidates: Set<Int> = switch (needsTrade, needsProduction) {
        case (true, true): production.intersection(trade)
        case (true, false): trade
        default: production
        }
        if let year = candidates.max() { return year }
        if needsTrade, let commodity, !dataset.hasTrade(commodity) { throw EngineError(LodestoneError.notTraded(commodity: commodity.name)) }
        let what = [needsTrade ? "trade" : nil, needsProduction ? "production" : nil].compactMap { $0 }.joined(separator: " and ")
        throw EngineError(.noData, "no year has \(what) data" + (commodity.map { " for \($0.name)" } ?? "")
                          + " — name a year with --year, or import data with 'lodestone data import'")
    }

    /// The year asked for, else the default year.
    func year(_ asked: Int?, commodity: Commodity? = nil, needsTrade: Bool = true, needsProduction: Bool = true) throws(EngineError) -> Int {
        if let asked { return asked }
        return try defaultYear(commodity: commodity, needsTrade: needsTrade, needsProduction: needsProduction)
    }

    /// `--years 2018-2024` or `2018,2020,2022`: ascending, distinct, each plausible, at most 60.
    public static func parseYears(_ text: String) throws(EngineError) -> [Int] {
        var years: Set<Int> = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let bounds = part.split(separator: "-", maxSplits: 1).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard let first = bounds.first ?? nil, bounds.allSatisfy({ $0 != nil }) else {
                throw EngineError(.usage, "years '\(text.prefix(40))' should be a range like 2018-2024 or a list like 2018,2020,2022")
            }
            let last = bounds.count == 2 ? bounds[1]! : first
            guard (1900...2200).contains(first), (1900...2200).contains(last), first <= last else {
                throw EngineError(.usage, "years '\(part)' is not a range of plausible years, first to last (e.g. 2018-2024)")
            }
            guard last - first < 60, years.count + (last - first) < 60 else { throw EngineError(.usage, "years '\(text.prefix(40))' names more than 60 years") }
            years.formUnion(first...last)
        }
        guard !years.isEmpty else { throw EngineError(.usage, "years is empty; give a range like 2018-2024 or a list like 2018,2020") }
        return years.sorted()
    }

    func checkYear(_ year: Int?) throws(EngineError) { try Self.checkYear(year) }

    /// A request's year, checked before anything is looked up (the CLI checks it before it opens a store).
    static func checkYear(_ year: Int?) throws(EngineError) {
        guard let year else { return }
        guard (1900...2200).contains(year) else { throw EngineError(.usage, "year \(year) is not a plausible year; give one like 2022") }
    }
}
