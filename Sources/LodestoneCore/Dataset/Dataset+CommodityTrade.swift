/// A commodity stage's trade in one year, on its content basis: the one place that knows which
/// nomenclature a year uses, applies content factors and splits codes shared by several stages.
extension Dataset {
    /// Where a commodity's trade in a year comes from, as every JSON result reports it.
    public struct TradeBasis: Hashable, Sendable, Codable {
        /// Nil for a stage whose flows come from official import sources (`Dataset+ImportSources`).
        public var nomenclature: Nomenclature?
        /// The provenance entry of that nomenclature's trade ("CEPII BACI HS17 V202601 …").
        public var source: String
        public var contentBasis: String
        /// How shared codes were split, when the stage has one.
        public var allocation: String?
        /// For a stage carried inside another stage's codes (heavy rare earths in rare-earth compounds): how its content follows its producers.
        public var carriedContent: String?
        /// The shared code ("HS17 811292") and every stage it is split among, when the stage has one.
        public var sharedCode: String?
        public var sharedAmong: [CommodityID]?
    }

    /// The nomenclature a commodity's trade uses in `year`: the first of its nomenclatures with any
    /// flow of its codes that year. Nil when none has.
    public func tradeNomenclature(of info: Commodity, year: Int) -> Nomenclature? {
        info.nomenclatures.first { nomenclature in
            info.tradeCodes.contains { $0.nomenclature == nomenclature && trade[TradeKey(nomenclature: nomenclature, hs6: $0.hs6, year: year)] != nil }
        }
    }

    /// Years in which any of the commodity's codes has trade, ascending.
    public func tradeYears(of info: Commodity) -> [Int] {
        info.isTraded ? tradeYears.filter { tradeNomenclature(of: info, year: $0) != nil } : sourcedYears(of: info)
    }

    /// Checks that the commodity's trade can be assessed in `year`, or says why not: no code, no
    /// trade that year in its nomenclatures, or values without quantities.
    public func checkTrade(of info: Commodity, year: Int) throws(LodestoneError) -> TradeBasis {
        guard info.isTraded else {
            if let basis = sourcedTradeBasis(of: info, year: year) { return basis }
            let years = sourcedYears(of: info)
            guard !years.isEmpty else { throw .notTraded(commodity: info.name) }
            throw .noCommodityTrade(commodity: info.name, year: year, nomenclatures: ["official import sources"], available: years)
        }
        guard tradeYears.contains(year) else { throw .noTrade(year: year, available: tradeYears) }
        guard let nomenclature = tradeNomenclature(of: info, year: year) else {
            let available = tradeYears(of: info)
            if available.isEmpty, !tradeYears.contains(year) { throw .noTrade(year: year, available: tradeYears) }
            throw .noCommodityTrade(commodity: info.name, year: year, nomenclatures: info.nomenclatures.map(\.rawValue), available: available)
        }
        var anyQuantity = false
        for code in info.tradeCodes where code.nomenclature == nomenclature {
            guard let slice = trade[TradeKey(nomenclature: nomenclature, hs6: code.hs6, year: year)] else { continue }
            // An allocated code's tonnes come from values and reference prices, so values suffice.
            if code.isAllocated || slice.tonnes.contains(where: { !$0.isNaN }) { anyQuantity = true }
        }
        guard anyQuantity else { throw .noQuantities(commodity: info.name, year: year, nomenclature: nomenclature.rawValue) }
        let shared = info.tradeCodes.first { $0.nomenclature == nomenclature && !$0.sharedWith.isEmpty }
        return TradeBasis(
            nomenclature: nomenclature,
            source: provenance.first { $0.dataset == Self.tradeProvenanceKey(nomenclature) }?.source ?? nomenclature.rawValue,
            contentBasis: info.contentBasis,
            allocation: shared.map { code in
                "\(nomenclature.rawValue) \(code.hs6) is shared with \(code.sharedWith.map(\.rawValue).joined(separator: ", ")); "
                    + "each flow's value is split by the exporter's pool (its own production plus what it imports under the code, at reference prices; "
                    + "exports beyond that pool are of unrecorded origin and go to no stage), tilted to the flows' unit value where it reports fewer tonnes; "
                    + "an exporter's own customs records of a member (China's gallium and germanium) fix that member's share of its flows; "
                    + "tonnes = value share / reference price (also where the source gives no quantity)"
            },
            carriedContent: isCarried(info) ? Self.carriedContentNote : nil,
            sharedCode: shared.map { "\(nomenclature.rawValue) \($0.hs6)" }, sharedAmong: shared.map { [info.id] + $0.sharedWith })
    }

    /// What `TradeBasis.carriedContent` says (`Dataset+CarriedContent`).
    static let carriedContentNote = "carried inside another stage's codes at the content factor, but only as far as the exporter's own production "
        + "plus the content of what it imports covers it: a country that neither produces nor separates it exports it only as re-export"

    /// The provenance key of a nomenclature's trade rows: "trade" for HS92 (the first source),
    /// "trade:HS17" and so on for the others.
    public static func tradeProvenanceKey(_ nomenclature: Nomenclature) -> String {
        nomenclature == .hs92 ? "trade" : "trade:\(nomenclature.rawValue)"
    }

    /// Calls `body` for every flow of the commodity in `year`, in its year's nomenclature, with
    /// tonnes on the content basis (NaN where the source has no quantity or an implausible one,
    /// see `plausibleUnitValueFloor`) and value in kUSD.
    /// With `importers`, only flows into those countries (dense indices), in their order.
    /// Flows into or out of a country whose official totals anchor this stage are scaled to them
    /// (`Dataset+OfficialAnchors`), unless `anchored` is false.
    func forEachFlow(
        of info: Commodity, year: Int, into importers: [Int32]? = nil, anchored: Bool = true,
        _ body: (_ exporter: Int32, _ importer: Int32, _ valueKUSD: Double, _ tonnes: Double) -> Void
    ) {
        if !info.isTraded {
            guard let flows = sourcedTrade(of: info, year: year)?.flows else { return }
            let price = info.citedUnitValueUSDPerKg ?? 0  // never nil: sourced stages have a cited price
            for importer in importers ?? [] { for flow in flows where flow.importer == importer { body(flow.exporter, importer, flow.tonnes * price, flow.tonnes) } }
            if importers == nil { for flow in flows { body(flow.exporter, flow.importer, flow.tonnes * price, flow.tonnes) } }
            return
        }
        guard let nomenclature = tradeNomenclature(of: info, year: year) else { return }
        if anchored, let index = commodityIndex[info.id], let anchors = anchors[AnchorKey(commodity: index, year: year)] {
            forEachFlow(of: info, year: year, into: importers, anchored: false) { exporter, importer, value, tonnes in
                let scale = (anchors[importer]?.importScale ?? 1) * (anchors[exporter]?.exportScale ?? 1)
                body(exporter, importer, value * scale, tonnes * scale)
            }
            return
        }
        let carriedCoverage = commodityIndex[info.id].flatMap { carried[AnchorKey(commodity: $0, year: year)] }
        for code in info.tradeCodes where code.nomenclature == nomenclature {
            guard let slice = trade[TradeKey(nomenclature: nomenclature, hs6: code.hs6, year: year)] else { continue }
            let split = code.sharedWith.isEmpty ? nil : allocationShares(of: info.id, hs6: code.hs6, nomenclature: nomenclature, year: year)
            let floor = Self.plausibleUnitValueFloor(code: code, slice: slice, reference: info.isReference)
            func visit(_ flow: Int) {
                let exporter = slice.exporters[flow]
                let value = slice.valueKUSD[flow]
                let tonnes = slice.tonnes[flow]
                // A shared code's member tonnes come from value and price; its reported tonnes only bound the whole basket.
                let implausible = split == nil && !tonnes.isNaN && tonnes > 0 && value / tonnes < floor  // counts by value only
                if !code.sharedWith.isEmpty, code.referencePriceUSDPerKg != nil, split == nil { return }
                if let split, let price = code.referencePriceUSDPerKg {
                    let share = split[flow]
                    guard share > 0 else { return }
                    body(exporter, slice.importers[flow], value * share, implausible ? .nan : value * share / price * code.contentFactor)
                } else if let carriedCoverage {
                    // Content carried inside another stage's code: only as far as the exporter's pool covers it.
                    let coverage = carriedCoverage[Int(exporter)]
                    guard coverage > 0 else { return }
                    body(exporter, slice.importers[flow], value * coverage, implausible ? .nan : tonnes * code.contentFactor * coverage)
                } else if implausible {
                    body(exporter, slice.importers[flow], value, .nan)
                } else {
                    body(exporter, slice.importers[flow], value, tonnes * code.contentFactor)
                }
            }
            if let importers {
                for importer in importers { for flow in slice.range(ofImporter: importer) { visit(flow) } }
            } else {
                for flow in 0..<slice.count { visit(flow) }
            }
        }
    }

    /// The unit value (USD/kg as traded) below which a flow's quantity is implausible and the
    /// flow counts by value only: a quarter of the code's cited reference price; without one, a
    /// twentieth (`implausibleBelowTypical`) of the code's typical unit value that year (the lower
    /// of its value- and tonnage-weighted medians, `TradeSlice.typicalUnitValue`). That is beyond
    /// the spread of grades inside one HS6 code, so only quantities off by an order of magnitude
    /// or more are caught (BACI estimates some: Chinese NdFeB magnets to Israel at 0.38 USD/kg in
    /// 2024, Papua New Guinea's copper ore to North Korea, 14 Mt at 0.006 USD/kg in 2022). A code
    /// whose flows are mostly such errors keeps them all: it needs a cited price. 0 for the
    /// geopolrisk-py reference definitions, which take every quantity as the reference package does.
    /// A flow with a quantity but no value is under any positive floor, so it counts by value
    /// (nothing) only.
    static func plausibleUnitValueFloor(code: TradeCode, slice: TradeSlice, reference: Bool) -> Double {
        guard !reference else { return 0 }
        if let price = code.referencePriceUSDPerKg { return price / 4 }
        guard slice.typicalUnitValue.isFinite else { return 0 }
        return slice.typicalUnitValue * implausibleBelowTypical
    }

    /// See `plausibleUnitValueFloor`: 1/20.
    static let implausibleBelowTypical = 0.05

    /// Per flow (position in the code's trade slice), the share of its value that belongs to `id`
    /// (`Dataset+Basket`); nil when the code has no split for that year.
    func allocationShares(of id: CommodityID, hs6: Int, nomenclature: Nomenclature, year: Int) -> [Double]? {
        guard let index = commodityIndex[id] else { return nil }
        return baskets[TradeKey(nomenclature: nomenclature, hs6: hs6, year: year)]?.shares[index]
    }
}
