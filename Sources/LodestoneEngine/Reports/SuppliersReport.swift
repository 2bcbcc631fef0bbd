import LodestoneCore

/// Who supplies an importer with one commodity in one year.
public struct SuppliersReport: TabularReport, Hashable {
    public var importer: ImporterRef
    public var commodity: CommodityRef
    public var year: Int
    public var totalTonnes: Double
    public var totalValueKUSD: Double
    /// Value of flows without a usable quantity (none reported, or a unit value too low to be
    /// the commodity): in value shares, not in tonnes.
    public var valueOnlyKUSD: Double
    public var supplierCount: Int
    /// Trade between members of a group importer: supply, but no supply risk.
    public var internalTonnes: Double
    public var importHHI: Double
    public var governanceWeightedRisk: Double
    public var partnerGroup: String?
    public var partnerShare: Double?
    /// Nomenclature, source, content basis and allocation of the trade used.
    public var tradeBasis: Dataset.TradeBasis
    /// Core's suppliers, largest first, countries shown by `countryNames`.
    public var rows: [ImportMix.Supplier]
    @NotEncoded public var countryNames: CountryNames? = nil
    public var columns: [Column] = [
        Column("rank", "rank", .count), Column("country", "supplier", .country), Column("tonnes", "tonnes", .tonnes),
        Column("tonnesShare", "share (t)", .share), Column("valueKUSD", "value (kUSD)", .kusd), Column("valueShare", "share (value)", .share),
        Column("governanceScore", "governance", .score), Column("inPartnerGroup", "partner", .flag),
    ]

    public var heading: String {
        var summary = "\(ReportRenderer.format(totalTonnes, .tonnes)) t from \(supplierCount) suppliers, "
            + "\(ReportRenderer.format(totalValueKUSD, .kusd)) kUSD · import HHI \(ReportRenderer.format(importHHI, .score)) · "
            + "governance-weighted risk \(ReportRenderer.format(governanceWeightedRisk, .score))"
        if let partnerShare, let partnerGroup { summary += " · from \(partnerGroup) \(ReportRenderer.format(partnerShare, .share))" }
        var lines = ["\(commodity.name) imports of \(importer.name) (\(importer.id)), \(year)", summary]
        if internalTonnes > 0 { lines.append("internal trade (not counted above): \(ReportRenderer.format(internalTonnes, .tonnes)) t") }
        if valueOnlyKUSD > 0 {
            let share = totalValueKUSD > 0 ? valueOnlyKUSD / totalValueKUSD : 0
            lines += TradeBasisNote.wrap("\(ReportRenderer.format(valueOnlyKUSD, .kusd)) kUSD (\(ReportRenderer.format(share, .share)) of the value) has no usable quantity "
                         + "(none reported, or an implausible unit value: under a quarter of the code's reference price or, without one, a twentieth of its typical unit value): in value shares only, and a supplier with nothing else shows — tonnes")
        }
        lines += TradeBasisNote.lines(tradeBasis)
        lines.append("governance: WGI political stability, normalised, 0 = most stable, 1 = least")
        return lines.joined(separator: "\n")
    }
}
