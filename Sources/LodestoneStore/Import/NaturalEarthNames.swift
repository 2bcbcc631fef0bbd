import Foundation
import LodestoneCore

/// Countries' names in Japanese, Arabic and Chinese from Natural Earth's Admin 0 countries
/// (public domain; `ne_110m_admin_0_countries.geojson`, fields NAME_JA, NAME_AR, NAME_ZH),
/// joined on ISO_A3_EH (ISO_A3 is -99 for France and Norway) to the data's current countries.
enum NaturalEarthNames {
    static let fields = ["ja": "NAME_JA", "ar": "NAME_AR", "zh": "NAME_ZH"]

    static func read(path: String, countries: [Country]) throws -> (names: [CountryName], sha256: String, unmatched: [String]) {
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.io(path: path, reason: "cannot read the file") }
        return try read(data: data, file: path, countries: countries)
    }

    static func read(data: Data, file path: String, countries: [Country]) throws -> (names: [CountryName], sha256: String, unmatched: [String]) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let features = root["features"] as? [[String: Any]] else {
            throw StoreError.malformedSource(location: path, reason: "not a GeoJSON FeatureCollection (expected Natural Earth's ne_110m_admin_0_countries.geojson)")
        }
        var byISO3: [String: CountryCode] = [:]
        for country in countries where country.formerUntil == nil { byISO3[country.iso3] = country.code }
        var names: [CountryName] = [], unmatched: [String] = [], seen: Set<String> = []
        for (index, feature) in features.enumerated() {
            guard let properties = feature["properties"] as? [String: Any] else {
                throw StoreError.malformedSource(location: "\(path) feature \(index)", reason: "a feature without properties")
            }
            let iso3 = (properties["ISO_A3_EH"] as? String).flatMap { $0 == "-99" ? nil : $0 } ?? (properties["ISO_A3"] as? String ?? "")
            guard let code = byISO3[iso3] else {
                unmatched.append(properties["NAME_EN"] as? String ?? iso3)
                continue
            }
            for (language, field) in fields.sorted(by: { $0.key < $1.key }) {
                guard let name = (properties[field] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty,
                      seen.insert("\(code.rawValue)|\(language)").inserted else { continue }
                names.append(CountryName(country: code, language: language, name: name))
            }
        }
        guard !names.isEmpty else { throw StoreError.malformedSource(location: path, reason: "no feature names a country of the data by ISO_A3_EH") }
        return (names, SHA256.hex(of: data), unmatched)
    }
}
