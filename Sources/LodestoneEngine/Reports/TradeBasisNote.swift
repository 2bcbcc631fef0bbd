import LodestoneCore

/// The lines that tell a table's reader where its trade figures come from (JSON and CSV carry
/// each commodity's `tradeBasis` in full): the nomenclature of each commodity's year, and how a
/// code shared by several commodities was split. Lines wrap within 100 columns.
enum TradeBasisNote {
    static let width = 100

    /// One commodity's basis: "trade: CEPII BACI HS17 …, Ga content" and the allocation, if any.
    static func lines(_ basis: Dataset.TradeBasis) -> [String] {
        wrap("trade: \(basis.source) (\(basis.nomenclature.rawValue)); \(basis.contentBasis)")
            + (basis.allocation.map { wrap("shared code: \($0)") } ?? [])
    }

    /// Many commodities' bases: the commodities on each nomenclature, then each shared code once.
    static func lines(_ bases: [(commodity: String, basis: Dataset.TradeBasis)]) -> [String] {
        var byNomenclature: [Nomenclature: [String]] = [:]
        var sharing: [String: [String]] = [:], codes: [String] = []
        for (commodity, basis) in bases {
            byNomenclature[basis.nomenclature, default: []].append(commodity)
            guard let code = basis.sharedCode else { continue }
            if sharing[code] == nil { codes.append(code) }
            sharing[code, default: []].append(commodity)
        }
        var lines: [String] = []
        for nomenclature in byNomenclature.keys.sorted() {
            let ids = byNomenclature[nomenclature] ?? []
            lines += wrap("trade in \(nomenclature.rawValue): " + (ids.count > 12 ? "\(ids.count) commodities" : ids.joined(separator: ", ")))
        }
        for code in codes {
            lines += wrap("\(code) is shared by \((sharing[code] ?? []).joined(separator: ", ")); each flow's value is split by the exporter's "
                          + "production mix at reference prices (tradeBasis.allocation in JSON)")
        }
        return lines
    }

    /// Words joined into lines of at most `width` columns, continuation lines indented.
    static func wrap(_ text: String) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = "  "
            }
            line += (line.isEmpty || line == "  " ? "" : " ") + word
        }
        if !line.isEmpty, line != "  " { lines.append(line) }
        return lines
    }
}
