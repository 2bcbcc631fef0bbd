import Foundation
import LodestoneCore

/// Names in the user's language for reports: countries from the data's Natural Earth names,
/// commodities from their Japanese and Arabic element names. Codes never change.
public struct Localizer: Sendable {
    public static let languages = ["en", "ja", "ar"]

    public var language: String
    /// ISO3 → local name.
    var countries: [String: String]
    /// Commodity stage or family id → local name.
    var commodities: [String: String]

    /// JSON: every country object (`iso3`) and commodity (`{id, stage}`, or a row's `commodity`
    /// id) gains `localName`; keys stay sorted.
    func json(_ data: Data) throws(EngineError) -> String {
        guard let object = JSONValue.decode(data) else { throw EngineError(.failure, "the report could not be localised") }
        return try ReportRenderer.json(walk(object, replace: false))
    }

    /// A row with its countries' and commodities' `name` in the local language (tables, CSV).
    func replacingNames(_ row: JSONValue) -> JSONValue { walk(row, replace: true) }

    /// Every country object (`iso3`) and commodity (`{id, stage}`, or a row's `commodity` id
    /// beside a `name`) gets its local name: as `localName` (JSON) or in place of `name`.
    /// Numbers stay exactly as the report wrote them.
    private func walk(_ value: JSONValue, replace: Bool) -> JSONValue {
        switch value {
        case .array(let list): return .array(list.map { walk($0, replace: replace) })
        case .object(var object):
            for (key, inner) in object {
                if case .array = inner { object[key] = walk(inner, replace: replace) } else if case .object = inner { object[key] = walk(inner, replace: replace) }
            }
            var local: String?
            if let iso3 = object["iso3"]?.string { local = countries[iso3] }
            else if let id = object["id"]?.string, object["stage"] != nil { local = name(ofCommodity: id) }
            else if let id = object["commodity"]?.string, object["name"]?.string != nil { local = name(ofCommodity: id) }
            if let local { object[replace ? "name" : "localName"] = .string(local) }
            return .object(object)
        default: return value
        }
    }

    private func name(ofCommodity id: String) -> String? {
        commodities[id] ?? id.split(separator: ":").first.flatMap { commodities[String($0)] }
    }
}

extension Engine {
    /// The localizer for `language` (en, ja, ar); an unknown language is a usage error.
    public func localizer(_ language: String) throws(EngineError) -> Localizer {
        guard Localizer.languages.contains(language) else {
            throw EngineError(.usage, "language '\(language)' is not one of \(Localizer.languages.joined(separator: ", "))")
        }
        var countries: [String: String] = [:]
        for name in dataset.countryNames where name.language == language {
            if let iso3 = dataset.country(name.country)?.iso3 { countries[iso3] = name.name }
        }
        // The short forms the Japanese press uses where Natural Earth gives the formal name.
        if language == "ja" { countries.merge(["CHN": "中国", "KOR": "韓国", "TWN": "台湾"]) { _, short in short } }
        var commodities: [String: String] = [:]
        for info in dataset.commodities { commodities[info.id.rawValue] = dataset.localName(ofCommodity: info.id, language: language) }
        return Localizer(language: language, countries: countries, commodities: commodities)
    }
}
