extension RestrictionRisk {
    /// Each family once, at its most exposed consumed stage: of the family's assessed stages (those
    /// the importer consumes), the one with the largest expected loss share, with the others in
    /// `consumedStages`. A family none of whose stages could be assessed is listed once under
    /// `notAssessed`, at its default stage, with every stage's reason; stages of an assessed family
    /// that the importer does not consume drop out (the family is assessed where it is consumed).
    public func mostExposedStagePerFamily(in dataset: Dataset) -> RestrictionRisk {
        func family(_ id: CommodityID) -> String { dataset.commodity(id)?.family ?? id.rawValue }
        var best: [String: RestrictionRisk.Commodity] = [:], order: [String] = []
        var assessed: [String: [RestrictionRisk.Commodity]] = [:]
        for row in commodities {
            let name = family(row.commodity)
            if assessed[name] == nil { order.append(name) }
            assessed[name, default: []].append(row)
        }
        var collapsed: [RestrictionRisk.Commodity] = []
        for name in order {
            let stages = assessed[name]!.sorted { ($0.expectedLossShare, $1.commodity.rawValue) > ($1.expectedLossShare, $0.commodity.rawValue) }
            var top = stages[0]
            top.consumedStages = stages.map(\.commodity)
            best[name] = top
            collapsed.append(top)
        }
        var gaps: [String: [RestrictionRisk.NotAssessed]] = [:], gapOrder: [String] = []
        for gap in notAssessed where best[family(gap.commodity)] == nil {
            let name = family(gap.commodity)
            if gaps[name] == nil { gapOrder.append(name) }
            gaps[name, default: []].append(gap)
        }
        let merged = gapOrder.map { name -> RestrictionRisk.NotAssessed in
            let list = gaps[name]!
            let head = list.first { dataset.commodity($0.commodity)?.isDefaultStage == true } ?? list[0]
            guard list.count > 1 else { return head }
            return .init(commodity: head.commodity, reason: list.map { "\($0.commodity.rawValue): \($0.reason)" }.joined(separator: "; "))
        }
        var result = self
        result.commodities = collapsed
        result.notAssessed = merged
        return result
    }
}
