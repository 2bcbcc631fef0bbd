import Foundation

/// How a trade code shared by several metals (HS17 811292: unwrought gallium, germanium, hafnium,
/// indium, rhenium, and also niobium, vanadium and their waste and scrap) is split among the
/// stages that share it, per exporter, in value.
///
/// 1. **Pools.** Every country's pool of the code's metals, in USD by member m, is its own
///    production valued at the member's reference price plus what it imports under the code,
///    each import carrying its exporter's mix: xₑ = Pₑ·p + Σⱼ Vⱼ→ₑ·mixⱼ, mixⱼ = xⱼ / |xⱼ| (a fixed
///    point, found by iteration; production from the latest year ≤ the trade year with data).
///    A country that neither produces nor refines a member exports it only as re-export of what
///    it imports.
/// 2. **Coverage.** What a country exports beyond its pool, cₑ = min(1, |xₑ| / Eₑ), is of
///    unrecorded origin: that part of each of its flows belongs to no member (niobium, vanadium,
///    scrap, or a member bought outside the data), never to the world mix. A country with no
///    pool (Brazil's niobium, Estonia's refinery output) has coverage 0.
/// 3. **Unit value.** A flow's reported tonnes bound its members' tonnes from above (the code also
///    holds cheaper metals): where the exporter's mix would put more tonnes on a flow than were
///    reported (Σₘ wₘ/pₘ > Q/V), the mix is tilted towards the dearer members by maximum entropy,
///    wₘ ∝ mixₘ·exp(−λ/pₘ), until it fits (Germany's 1,377 USD/kg to the United States in 2024 is
///    more hafnium and germanium than its pool's mix). A mix that puts fewer tonnes is kept: the
///    difference is cheaper metals. A flow without a quantity keeps the mix. (A two-sided tilt,
///    tried, sends every flow cheaper than indium wholly to indium: China's gallium to Japan at
///    131 USD/kg vanished, Japan's 2024 gallium fell to 6.5 t.)
///
/// 4. **Customs records.** Where the exporter's own customs statistics give its exports of a member
///    (an official `exports` figure of that country: China's gallium and germanium), they fix that
///    member's share of its flows: a bilateral record fixes the flow to that partner (China shipped
///    no gallium to the United States in 2024), the total less the bilateral records is spread over
///    the other flows by value, and only the rest of each flow is split by the pool as above. A
///    by-product refiner exports a small part of its output (China 69 t of its 839 t of gallium in
///    2024), which its production mix would overstate many times over.
///
/// A stage's share of a flow's value is then cₑ·wₘ, and its tonnes are value × share ÷ price.
/// Range 0...1 per member; the shares of one flow sum to cₑ ≤ 1.
extension Dataset {
    /// Per shared code and year, per member (dense commodity index), the share of each flow's
    /// value (by its position in the trade slice) that is that member's.
    struct BasketSplit: Sendable {
        var shares: [Int: [Double]]
    }

    /// Iterations of the pool fixed point; the mixes move by less than 1e-9 well before.
    static let basketIterations = 200

    /// Every shared code's split, for every year it has trade (built once with the Dataset).
    func computeBaskets() -> [TradeKey: BasketSplit] {
        var result: [TradeKey: BasketSplit] = [:]
        var done: Set<String> = []
        for info in commodities where !info.isReference {
            for code in info.tradeCodes where !code.sharedWith.isEmpty && code.referencePriceUSDPerKg != nil {
                let members = ([info.id] + code.sharedWith).compactMap { id in commodityIndex[id] }.sorted()
                guard done.insert("\(code.nomenclature.rawValue)|\(code.hs6)|\(members)").inserted else { continue }
                for key in trade.keys where key.nomenclature == code.nomenclature && key.hs6 == code.hs6 {
                    guard let slice = trade[key] else { continue }
                    result[key] = basketSplit(slice: slice, members: members, hs6: code.hs6, year: key.year)
                }
            }
        }
        return result
    }

    private func basketSplit(slice: TradeSlice, members: [Int], hs6: Int, year: Int) -> BasketSplit {
        let n = countries.count, k = members.count
        let prices = members.map { commodities[$0].tradeCodes.first { $0.hs6 == hs6 }?.referencePriceUSDPerKg ?? 1 }
        // Own production value by member.
        var own = [[Double]](repeating: [Double](repeating: 0, count: k), count: n)
        for (m, member) in members.enumerated() {
            let years = productionYears(of: commodities[member].id)
            guard let chosen = years.last(where: { $0 <= year }) ?? years.first,
                  let production = production[ProductionKey(commodity: member, year: chosen)] else { continue }
            for (country, tonnes) in zip(production.countries, production.tonnes) where tonnes > 0 {
                own[Int(country)][m] += tonnes * prices[m]
            }
        }
        var exportValue = [Double](repeating: 0, count: n)
        for flow in 0..<slice.count where slice.exporters[flow] != slice.importers[flow] {
            exportValue[Int(slice.exporters[flow])] += slice.valueKUSD[flow]
        }
        let declared = declaredExports(members: members, prices: prices, year: year, slice: slice, exportValue: exportValue)
        // Pools in kUSD (tonnes × USD/kg): own production plus imports carrying their exporters' mixes.
        var mix = own.map { row -> [Double] in
            let total = row.reduce(0, +)
            return total > 0 ? row.map { $0 / total } : row
        }
        var pool = own
        for _ in 0..<Self.basketIterations {
            var next = own
            for flow in 0..<slice.count where slice.exporters[flow] != slice.importers[flow] {
                let e = Int(slice.exporters[flow]), i = Int(slice.importers[flow])
                let value = slice.valueKUSD[flow]
                if let rule = declared[e] {
                    for (m, share) in rule.shares(flow: flow, importer: i, mix: mix[e], pool: pool[e]).enumerated() { next[i][m] += value * share }
                } else {
                    for m in 0..<k where mix[e][m] > 0 { next[i][m] += value * mix[e][m] }
                }
            }
            var change = 0.0
            for c in 0..<n {
                let total = next[c].reduce(0, +)
                let updated = total > 0 ? next[c].map { $0 / total } : next[c]
                for m in 0..<k { change = max(change, abs(updated[m] - mix[c][m])) }
                mix[c] = updated
            }
            pool = next
            if change < 1e-12 { break }
        }
        var coverage = [Double](repeating: 0, count: n)
        for c in 0..<n where exportValue[c] > 0 {
            let total = pool[c].reduce(0, +)
            if total > 0 { coverage[c] = min(1, total / exportValue[c]) }
        }
        var shares: [Int: [Double]] = [:]
        for member in members { shares[member] = [Double](repeating: 0, count: slice.count) }
        for flow in 0..<slice.count {
            let e = Int(slice.exporters[flow]), i = Int(slice.importers[flow])
            guard e != i else { continue }
            if let rule = declared[e] {
                for (m, share) in rule.shares(flow: flow, importer: i, mix: mix[e], pool: pool[e]).enumerated() { shares[members[m]]![flow] = share }
                continue
            }
            guard coverage[e] > 0 else { continue }
            var weights = mix[e]
            let value = slice.valueKUSD[flow], tonnes = slice.tonnes[flow]
            if !tonnes.isNaN, tonnes > 0, value > 0 { weights = Self.tilt(weights, prices: prices, kilogramsPerUSD: tonnes / value) }
            for (m, member) in members.enumerated() { shares[member]![flow] = coverage[e] * weights[m] }
        }
        return BasketSplit(shares: shares)
    }

    /// An exporter whose own customs record some members' exports under the code (official
    /// exports, in total or to one partner): those members' shares of its flows are fixed by the
    /// records, and only the rest of each flow is split by its pool.
    struct DeclaredExports {
        /// Per member: the share of each partner's flow fixed by a bilateral record (dense importer → share).
        var partnerShare: [[Int: Double]]
        /// Per member: the share of every other flow, from the total record less the bilateral ones (nil: no total on record).
        var restShare: [Double?]
        /// Total export value under the code (kUSD).
        var exportValue: Double

        /// The members' shares of one flow: recorded members as recorded (scaled down together if
        /// they would exceed the flow), the others by the pool's mix of what is not recorded, up
        /// to the value the pool holds of them (beyond it: unrecorded origin).
        func shares(flow: Int, importer: Int, mix: [Double], pool: [Double]) -> [Double] {
            let k = mix.count
            var result = [Double](repeating: 0, count: k)
            var fixed = 0.0, open: [Int] = []
            for m in 0..<k {
                if let share = partnerShare[m][importer] ?? restShare[m] { result[m] = share; fixed += share } else { open.append(m) }
            }
            if fixed > 1 { return result.map { $0 / fixed } }
            let rest = 1 - fixed
            let openMix = open.map { mix[$0] }, openTotal = openMix.reduce(0, +)
            guard rest > 0, openTotal > 0 else { return result }
            let openPool = open.map { pool[$0] }.reduce(0, +)
            let coverage = min(1, openPool / max(rest * exportValue, .leastNonzeroMagnitude))
            for (position, m) in open.enumerated() { result[m] = rest * coverage * openMix[position] / openTotal }
            return result
        }
    }

    private func declaredExports(members: [Int], prices: [Double], year: Int, slice: TradeSlice,
                                 exportValue: [Double]) -> [Int: DeclaredExports] {
        var result: [Int: DeclaredExports] = [:]
        for (c, country) in countries.enumerated() where exportValue[c] > 0 {
            let keys = members.map { OfficialKey(country: country.code, commodity: commodities[$0].id, year: year) }
            let totals = keys.map { official[$0]?[.exports]?.amount }
            let partners = keys.map { officialExportsByPartner[$0] ?? [:] }
            guard totals.contains(where: { $0 != nil }) || partners.contains(where: { !$0.isEmpty }) else { continue }
            var flowValue: [Int: Double] = [:]
            for flow in 0..<slice.count where Int(slice.exporters[flow]) == c && slice.importers[flow] != slice.exporters[flow] {
                flowValue[Int(slice.importers[flow]), default: 0] += slice.valueKUSD[flow]
            }
            var partnerShare: [[Int: Double]] = [], restShare: [Double?] = []
            for m in members.indices {
                var shares: [Int: Double] = [:], recordedValue = 0.0, recordedFlows = 0.0
                for (partner, tonnes) in partners[m] {
                    let value = flowValue[Int(partner)] ?? 0
                    guard value > 0 else { continue }
                    shares[Int(partner)] = min(1, tonnes * prices[m] / value)
                    recordedValue += tonnes * prices[m]
                    recordedFlows += value
                }
                partnerShare.append(shares)
                restShare.append(totals[m].map { total in
                    let others = exportValue[c] - recordedFlows
                    return others > 0 ? min(1, max(0, total * prices[m] - recordedValue) / others) : 0
                })
            }
            result[c] = DeclaredExports(partnerShare: partnerShare, restShare: restShare, exportValue: exportValue[c])
        }
        return result
    }

    /// The mix tilted by maximum entropy, wₘ ∝ mixₘ·exp(−λ/pₘ), λ ≥ 0, so that the kilograms per
    /// USD it implies, Σ wₘ/pₘ, are no more than those reported (`reported`: the flow's tonnes per
    /// kUSD, which is kg per USD); unchanged when they already are (the rest of the reported
    /// tonnes are cheaper metals: niobium, vanadium, scrap). When even the dearest member the mix
    /// holds implies more, the whole weight goes to it.
    static func tilt(_ mix: [Double], prices: [Double], kilogramsPerUSD reported: Double) -> [Double] {
        let inverse = prices.map { 1 / $0 }
        func kilograms(_ w: [Double]) -> Double { zip(w, inverse).reduce(0) { $0 + $1.0 * $1.1 } }
        let present = mix.indices.filter { mix[$0] > 0 }
        guard let least = present.map({ inverse[$0] }).min(), let most = present.map({ inverse[$0] }).max(), least < most else { return mix }
        func only(_ value: Double) -> [Double] {
            mix.indices.map { mix[$0] > 0 && inverse[$0] == value ? 1 : 0 }.normalised()
        }
        guard kilograms(mix) > reported else { return mix }
        if reported <= least { return only(least) }
        // λ on the scale of 1/(spread of 1/p); exponents shifted by their maximum for stability.
        let scale = 1 / (most - least)
        func tilted(_ lambda: Double) -> [Double] {
            let exponents = mix.indices.map { mix[$0] > 0 ? -lambda * scale * (inverse[$0] - least) : -Double.infinity }
            let top = exponents.max() ?? 0
            return mix.indices.map { mix[$0] > 0 ? mix[$0] * exp(exponents[$0] - top) : 0 }.normalised()
        }
        var low = 0.0, high = 800.0   // kilograms(tilted(λ)) falls as λ rises
        for _ in 0..<100 {
            let mid = (low + high) / 2
            if kilograms(tilted(mid)) > reported { low = mid } else { high = mid }
        }
        return tilted((low + high) / 2)
    }
}

private extension Array where Element == Double {
    func normalised() -> [Double] {
        let total = reduce(0, +)
        return total > 0 ? map { $0 / total } : self
    }
}
