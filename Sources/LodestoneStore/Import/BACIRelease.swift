import Foundation
import LodestoneCore

/// Reads CEPII BACI in its own release format: `BACI_HSxx_Yyyyy_Vyyyymm.csv` files with columns
/// `t,i,j,k,v,q` (year, exporter and importer as BACI country codes, HS6 product, value in
/// thousands of USD, quantity in metric tonnes, `NA` where missing) and the release's
/// `country_codes_V*.csv`. Any HS version; the version comes from the file name (or `--hs`).
///
/// Only the HS6 codes some commodity stage uses are kept (a full release has 5,000 products).
/// A row that cannot be read, or names a country the store does not know, is skipped with a
/// warning; quantities of zero are kept as missing (BACI writes 0 where it has no estimate).
public enum BACIRelease {
    public struct Result: Sendable {
        public var flows: [TradeFlow] = []
        public var warnings: [ImportWarning] = []
        public var nomenclature: Nomenclature
        public var years: Set<Int> = []
        public var sha256: [String] = []
    }

    /// The HS version a BACI file name states ("BACI_HS17_Y2024_V202601.csv" → HS17).
    public static func nomenclature(ofFile path: String) -> Nomenclature? {
        let name = (path as NSString).lastPathComponent.uppercased()
        guard let range = name.range(of: #"HS\d\d"#, options: .regularExpression) else { return nil }
        return Nomenclature(rawValue: String(name[range]))
    }

    /// Reads one or more BACI files of the same HS version. `codes` limits the products kept;
    /// `knownCountries` are the store's country codes (BACI's own numbering).
    /// A former country's code that a release still uses for its successor (BACI codes Germany
    /// 280, "Fed. Rep. of Germany (...1990)", where the store's country list has 276): flows after
    /// `after` are read as `successor`'s.
    public struct Successor: Sendable, Hashable {
        public var code: CountryCode
        public var after: Int
    }

    /// Former countries of `countries` whose ISO3 a current country carries, by code.
    public static func successors(in countries: [Country]) -> [CountryCode: Successor] {
        var current: [String: CountryCode] = [:]
        for country in countries where country.formerUntil == nil { current[country.iso3.uppercased()] = country.code }
        var result: [CountryCode: Successor] = [:]
        for country in countries {
            guard let until = country.formerUntil, let successor = current[country.iso3.uppercased()], successor != country.code else { continue }
            result[country.code] = Successor(code: successor, after: until)
        }
        return result
    }

    public static func read(
        files: [String], codes: Set<Int>, knownCountries: Set<CountryCode>, successors: [CountryCode: Successor] = [:],
        nomenclature fixed: Nomenclature? = nil
    ) throws -> Result {
        guard let first = files.first else { throw StoreError.sourceNotFound(path: "(no BACI file given)") }
        guard let nomenclature = fixed ?? nomenclature(ofFile: first) else {
            throw StoreError.malformedSource(location: first, reason: "cannot tell the HS version from the file name (expected BACI_HS17_… ); rename it or pass --hs")
        }
        var result = Result(nomenclature: nomenclature)
        var seen: Set<String> = []
        for path in files {
            if let other = Self.nomenclature(ofFile: path), other != nomenclature {
                throw StoreError.malformedSource(location: path, reason: "is \(other.rawValue) while the other files are \(nomenclature.rawValue): import one HS version at a time")
            }
            guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.sourceNotFound(path: path) }
            result.sha256.append(SHA256.hex(of: data))
            let name = (path as NSString).lastPathComponent
            try parse(data, file: name, codes: codes, known: knownCountries, successors: successors, nomenclature: nomenclature,
                      seen: &seen, into: &result)
        }
        return result
    }

    /// One file's bytes (`file` names it in messages): the `SourceReader` entry.
    static func read(data: Data, file: String, codes: Set<Int>, known: Set<CountryCode>, successors: [CountryCode: Successor] = [:],
                     nomenclature: Nomenclature) throws -> Result {
        var result = Result(nomenclature: nomenclature), seen: Set<String> = []
        result.sha256 = [SHA256.hex(of: data)]
        try parse(data, file: file, codes: codes, known: known, successors: successors, nomenclature: nomenclature, seen: &seen, into: &result)
        return result
    }

    private static func parse(
        _ data: Data, file: String, codes: Set<Int>, known: Set<CountryCode>, successors: [CountryCode: Successor], nomenclature: Nomenclature,
        seen: inout Set<String>, into result: inout Result
    ) throws {
        var lineNumber = 0
        var merged: [CountryCode: Int] = [:]
        func current(_ code: CountryCode, _ year: Int) -> CountryCode {
            guard let successor = successors[code], year > successor.after else { return code }
            merged[code, default: 0] += 1
            return successor.code
        }
        var columns: [String: Int] = [:]
        var unknownCountries: [Int: Int] = [:]
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = String(decoding: rawLine, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if lineNumber == 1 {
                for (index, name) in fields.enumerated() { columns[name.replacingOccurrences(of: "\"", with: "").lowercased()] = index }
                for required in ["t", "i", "j", "k", "v", "q"] where columns[required] == nil {
                    throw StoreError.malformedSource(location: "\(file):1", reason: "no column '\(required)' — a BACI file has the header t,i,j,k,v,q")
                }
                continue
            }
            func field(_ name: String) -> String { columns[name].flatMap { $0 < fields.count ? fields[$0] : nil } ?? "" }
            guard let product = Int(field("k")) else {
                warn(&result, file, lineNumber, "product '\(excerpt(field("k")))' is not a six-digit code; row skipped")
                continue
            }
            guard codes.contains(product) else { continue }
            guard let year = Int(field("t")), (1988...2100).contains(year),
                  let exporter = Int(field("i")), let importer = Int(field("j")),
                  let value = Double(field("v")), value.isFinite, value >= 0 else {
                warn(&result, file, lineNumber, "unreadable year, country or value in '\(excerpt(line))'; row skipped")
                continue
            }
            let quantityText = field("q")
            var tonnes: Double? = nil
            if !quantityText.isEmpty, quantityText.uppercased() != "NA" {
                guard let q = Double(quantityText), q.isFinite, q >= 0 else {
                    warn(&result, file, lineNumber, "quantity '\(excerpt(quantityText))' is not a number; kept without quantity")
                    continue
                }
                tonnes = q > 0 ? q : nil
            }
            let from = current(CountryCode(exporter), year), to = current(CountryCode(importer), year)
            guard known.contains(from), known.contains(to) else {
                unknownCountries[known.contains(from) ? importer : exporter, default: 0] += 1
                continue
            }
            guard from != to else { continue }
            let key = "\(year),\(from.rawValue),\(to.rawValue),\(product)"
            guard seen.insert(key).inserted else {
                warn(&result, file, lineNumber, "duplicate flow \(key); the first is kept")
                continue
            }
            result.years.insert(year)
            result.flows.append(TradeFlow(year: year, exporter: from, importer: to, hs6: product, valueKUSD: value, tonnes: tonnes,
                                          nomenclature: nomenclature))
        }
        for (code, rows) in merged.sorted(by: { $0.key < $1.key }) {
            let successor = successors[code]!
            warn(&result, file, 0, "BACI country code \(code) (a former country in the store's list) in \(rows) flows after \(successor.after) "
                 + "read as its successor with the same ISO3, code \(successor.code)")
        }
        for (code, rows) in unknownCountries.sorted(by: { $0.key < $1.key }) {
            warn(&result, file, 0, "BACI country code \(code) is not in the store's country list; \(rows) flows skipped")
        }
    }

    private static func warn(_ result: inout Result, _ file: String, _ line: Int, _ message: String) {
        result.warnings.append(ImportWarning(location: line > 0 ? "\(file):\(line)" : file, message: message))
    }

    /// At most 80 characters of a bad cell, so a warning never carries a huge field.
    static func excerpt(_ text: String) -> String { ImportWarning.excerpt(text, 80) }
}
