import Foundation
import LodestoneCore

extension USGSCommoditiesData {
    /// Reads data rows one at a time into series, counts and warnings. Problems that repeat
    /// (an unknown country, a unit without a mass conversion) become one warning each, at the
    /// first row that has them, with how many rows were skipped.
    struct RowReader {
        let file: String
        let lookup: CountryLookup
        let width: Int
        let columns: [String: Int]
        var series: [Key: [CountryCode: [Int: Double]]] = [:]
        var salient: [Key: [Int: SalientFigure]] = [:]
        var importSources: [Key: [ImportSource]] = [:]
        var warnings: [ImportWarning] = []
        var counts = Counts()
        private var unknownCountries: [String: (line: Int, rows: Int)] = [:]
        private var unknownUnits: [UnitOfSeries: (line: Int, rows: Int)] = [:]

        private struct UnitOfSeries: Hashable {
            var unit: String
            var series: Key
        }

        init(file: String, lookup: CountryLookup, width: Int, columns: [String: Int]) {
            self.file = file
            self.lookup = lookup
            self.width = width
            self.columns = columns
        }

        private func field(_ name: String, _ row: [String]) -> String {
            columns[name].map { row[$0].trimmingCharacters(in: .whitespaces) } ?? ""
        }

        private mutating func warn(_ line: Int, _ message: String) {
            warnings.append(ImportWarning(location: "\(file):\(line)", message: message))
        }

        mutating func read(_ record: (line: Int, fields: [String])) {
            let (line, row) = record
            if row == [""] { return }  // a blank line
            guard row.count == width else {
                warn(line, "expected \(width) fields, found \(row.count); row skipped")
                return
            }
            counts.rows += 1
            let section = field("Section", row)
            if section.hasPrefix("Salient Statistics"), field("Country", row) == "United States" {
                readSalient(line, row)
                return
            }
            if section == "Import Sources" {
                readImportSource(line, row)
                return
            }
            guard section.hasPrefix("World"), field("Statistics", row).caseInsensitiveCompare("Production") == .orderedSame else { return }
            let country = field("Country", row)
            let lowered = country.lowercased()
            if lowered.hasPrefix("world") || lowered.hasPrefix("other countries") { return }
            counts.productionRows += 1
            let used = ["Commodity", "Country", "Statistics_detail", "Unit", "Year", "Value"].map { field($0, row) }
            if used.contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }) {
                warn(line, "holds a byte that is not Windows-1252 text (or text damaged by an earlier conversion, shown as \u{FFFD}); row skipped")
                return
            }
            let yearText = field("Year", row)
            guard let year = Int(yearText), (1900...2100).contains(year) else {
                warn(line, "year '\(ImportWarning.excerpt(yearText, 40))' is not a year; row skipped")
                return
            }
            let amount: Double
            switch MCSValue(field("Value", row)) {
            case .amount(let value): amount = value
            case .zero:
                counts.zeros += 1
                return
            case .gap(let gap):
                counts.gaps[gap.rawValue, default: 0] += 1
                return
            case .bound(let text):
                warn(line, "'\(ImportWarning.excerpt(text, 40))' is a bound or range, not an amount; row skipped")
                return
            case .invalid(let text):
                warn(line, "value '\(ImportWarning.excerpt(text, 40))' is not a figure (a number, W, NA, s, XX, E or —); row skipped")
                return
            }
            let key = Key(commodity: field("Commodity", row), statistic: field("Statistics_detail", row))
            let unit = field("Unit", row)
            guard let perUnit = USGSWorldData.tonnesPerUnit(unit) else {
                unknownUnits[UnitOfSeries(unit: unit, series: key), default: (line, 0)].rows += 1
                return
            }
            guard let code = lookup.code(for: country) else {
                unknownCountries[country, default: (line, 0)].rows += 1
                return
            }
            if series[key]?[code]?[year] != nil {
                warn(line, "second figure for \(country), \(key.commodity) \(key.statistic) \(year); the first is kept")
                return
            }
            series[key, default: [:]][code, default: [:]][year] = amount * perUnit
            counts.amounts += 1
        }

        /// The measures Lodestone anchors on; prices, stocks and employment are left out.
        static let salientStatistics: Set<String> = ["Production", "Import", "Export", "Consumption", "Net import reliance"]

        private mutating func readSalient(_ line: Int, _ row: [String]) {
            guard Self.salientStatistics.contains(field("Statistics", row)) else { return }
            let yearText = field("Year", row)
            guard let year = Int(yearText), (1900...2100).contains(year) else {
                warn(line, "year '\(ImportWarning.excerpt(yearText, 40))' is not a year; row skipped")
                return
            }
            let unit = field("Unit", row), text = field("Value", row)
            let isShare = unit == "percent"
            let perUnit = isShare ? 0.01 : USGSWorldData.tonnesPerUnit(unit)
            guard let perUnit else { return }  // a count or a price, not a quantity Lodestone compares
            let key = Key(commodity: field("Commodity", row), statistic: field("Statistics_detail", row))
            var amount: Double?
            switch MCSValue(text) {
            case .amount(let value): amount = value * perUnit
            case .zero: amount = 0
            case .gap, .bound: amount = nil
            case .invalid(let bad):
                warn(line, "value '\(ImportWarning.excerpt(bad, 40))' is not a figure (a number, W, NA, s, XX, E or —); row skipped")
                return
            }
            if let value = amount, isShare, value > 1 { amount = nil }  // a share above 100 % is not one
            salient[key, default: [:]][year] = SalientFigure(amount: amount, published: "\(text) \(unit)", isShare: isShare)
        }

        private mutating func readImportSource(_ line: Int, _ row: [String]) {
            guard field("Unit", row) == "percent", case .amount(let percent) = MCSValue(field("Value", row)), (0...100).contains(percent) else { return }
            let partner = field("Country", row)
            let key = Key(commodity: field("Commodity", row), statistic: field("Statistics_detail", row))
            let country = partner.lowercased().hasPrefix("other") ? nil : lookup.code(for: partner)
            importSources[key, default: []].append(ImportSource(partner: partner, country: country, share: percent / 100, period: field("Year", row)))
        }

        /// The repeated problems, then what became of the gaps.
        mutating func finish() {
            for (name, seen) in unknownCountries.sorted(by: { $0.value.line < $1.value.line }) {
                warn(seen.line, "country '\(ImportWarning.excerpt(name, 60))' is not in the store's country list; \(seen.rows) rows skipped")
            }
            for (found, seen) in unknownUnits.sorted(by: { $0.value.line < $1.value.line }) {
                warn(seen.line, "unit '\(ImportWarning.excerpt(found.unit, 40))' of \(found.series.commodity), \(found.series.statistic) has no mass conversion; \(seen.rows) rows skipped")
            }
            let gaps = counts.gaps.values.reduce(0, +)
            if gaps + counts.zeros > 0 {
                let detail = MCSValue.Gap.allCases.compactMap { gap in
                    counts.gaps[gap.rawValue].map { "\($0) \(gap == .empty ? "empty" : gap.rawValue)" }
                }.joined(separator: ", ")
                warnings.append(ImportWarning(location: file, message:
                    "\(gaps) world-production figures are gaps (\(detail)) and \(counts.zeros) are '—' (zero): no record for them, never a zero"))
            }
        }
    }
}
