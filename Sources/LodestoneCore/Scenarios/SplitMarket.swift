/// One commodity's market after an export restriction, split in two: the restricting countries'
/// domestic market (inside) and everyone else's (outside). All tonnes are per year.
///
/// Outside. Targets lose `lost` tonnes L, and all of it bids on the outside market, as in the
/// USGS 2025 method's yearlong-disruption equilibrium (OFR 2025-1047): a buyer that cannot
/// qualify a new supplier within the year still competes, through traders and its customers,
/// for what other producers can sell. Under extraterritorial rules part of L, H, is held back by
/// non-targeted third countries that may not pass the restricting countries' material on to the
/// targets: it stays outside, and those countries use it or sell it to other non-targets at once
/// (no licence to wait for), V_H = min(H, `divertible`). Where some outside countries are not
/// targeted, the restricting countries sell them part of the rest of what they withhold, freeing
/// other supply for the targets; under a licensing delay of λ months only part of it arrives
/// within the year: V = min(L − H, `divertible` − V_H)·(12 − λ)/12. Every buyer outside, targeted
/// or not (fearing the control will widen), adds to its stocks b months of the severity s times
/// what it took from the restricting countries a year, R = s·Σ F: precautionary demand
/// P = b/12·R. The excess demand E = L − V_H − V + P clears at the outside price p ≥ 0:
///     E = min(ε_s·p·Q_out, σ·Q_out) + |ε_d|·p·C_out  (+ unmet excess if p reaches its cap).
/// Who goes short is the shortfall step's (`Dataset.shortfalls`): the consumption given up
/// outside is |ε_d|·p·C_out plus the unmet excess, and a target bears the share of its loss it
/// cannot re-source first.
///
/// Inside. What the restricting countries withhold themselves and do not divert stays at home,
/// less what they use to replace their own lost imports: K = L − H − V (what third countries
/// hold and cannot place, H − V_H, stays with them). Producers and state reserves hold back a
/// share ψ; the rest, (1 − ψ)·K, plus any change ΔQ the restricting countries make to their own
/// output at the same time (a production quota: ΔQ < 0), clears at the inside price q:
///     (1 − ψ)·K + ΔQ = −(ε_s·Q_in + |ε_d|·C_in)·q, with −`maxPriceDecrease` ≤ q ≤ `maxPriceIncrease`.
/// Without an output cut the inside price never rises; the outside price never falls: p ≥ 0.
public struct SplitMarket: Hashable, Sendable, Codable {
    /// L: tonnes the countries outside lost after propagation through the trade network (what
    /// would have reached the restricting countries is not in it: they replace it at home).
    public var lostTonnes: Double
    /// Consumption of non-targeted outside countries that restricted supply could take over.
    public var divertibleTonnes: Double
    /// H: the part of L that non-targeted third countries hold back under extraterritorial rules
    /// (the restricting countries' material in their pools, which they may not pass on to the
    /// targets); 0 without such rules. Counted up to L: where the restricting countries replace
    /// more lost imports than they withhold themselves (H > L), the excess is reported as their
    /// replacement, not as held in third countries.
    public var heldOutsideTonnes: Double = 0
    public var outsideProductionTonnes: Double
    public var outsideConsumptionTonnes: Double
    public var insideProductionTonnes: Double
    public var insideConsumptionTonnes: Double
    /// R: the severity times what outside countries, targeted or not, took from the restricting
    /// countries a year before the control (`Dataset.clearedMarkets`).
    public var outsideSupplyFromRestrictingTonnes: Double
    /// The restricting countries' own change of output at the same time, tonnes a year (ΔQ; a cut is negative).
    public var insideOutputChangeTonnes: Double = 0

    public struct Clearing: Hashable, Sendable, Codable {
        /// V_H + V: what non-targets take over, from third countries' holdings and from the
        /// restricting countries.
        public var divertedTonnes: Double
        /// Precautionary stock building outside, P = b/12·R.
        public var precautionaryTonnes: Double
        /// Excess demand outside, E = L − V_H − V + P.
        public var excessTonnes: Double
        public var supplyResponseTonnes: Double
        /// Consumption given up outside at the higher price.
        public var demandResponseTonnes: Double
        /// Excess demand left when the outside price reaches its cap.
        public var unmetTonnes: Double
        public var priceChangeOutside: Double
        public var outsidePriceCapped: Bool
        /// Supply kept in the restricting countries, K = L − H − V (L is net of what would have
        /// reached them through third countries: they replace that from what they withhold).
        public var keptAtHomeTonnes: Double
        /// What third countries hold back under extraterritorial rules and cannot place with
        /// non-targets, H − V_H: it stays in their stocks, outside the restricting countries.
        public var heldInThirdCountriesTonnes: Double
        /// Of which held back by producers and state reserves, ψ·K.
        public var stockpiledInsideTonnes: Double
        /// The restricting countries' own output change, ΔQ.
        public var insideOutputChangeTonnes: Double
        public var priceChangeInside: Double
        public var insidePriceFloored: Bool
    }

    public init(lostTonnes: Double, divertibleTonnes: Double = 0, outsideProductionTonnes: Double, outsideConsumptionTonnes: Double,
                insideProductionTonnes: Double, insideConsumptionTonnes: Double, outsideSupplyFromRestrictingTonnes: Double = 0) {
        self.lostTonnes = lostTonnes
        self.divertibleTonnes = divertibleTonnes
        self.outsideProductionTonnes = outsideProductionTonnes
        self.outsideConsumptionTonnes = outsideConsumptionTonnes
        self.insideProductionTonnes = insideProductionTonnes
        self.insideConsumptionTonnes = insideConsumptionTonnes
        self.outsideSupplyFromRestrictingTonnes = outsideSupplyFromRestrictingTonnes
    }

    public func clear(_ entry: MarketParameters.Entry) -> Clearing {
        let demand = -entry.demandElasticity
        let arriving = (12 - entry.licensingDelayMonths) / 12
        // Third countries place what they hold at once; the restricting countries divert from the rest.
        let lost = max(0, lostTonnes)
        let held = min(max(0, heldOutsideTonnes), lost), divertible = max(0, divertibleTonnes)
        let placed = min(held, divertible)
        let withheldAtHome = lost - held
        let divertedFromHome = min(withheldAtHome, divertible - placed) * arriving
        let diverted = placed + divertedFromHome
        let precautionary = entry.precautionaryMonths / 12 * max(0, outsideSupplyFromRestrictingTonnes)
        let excess = max(0, lost - diverted + precautionary)

        // Outside: a kinked supply curve (elastic up to spare capacity, then flat) plus demand.
        let spare = entry.spareCapacityShare * outsideProductionTonnes
        let supplySlope = entry.supplyElasticity * outsideProductionTonnes
        let demandSlope = demand * outsideConsumptionTonnes
        var price = 0.0
        if excess > 0 {
            let unkinked = supplySlope + demandSlope > 0 ? excess / (supplySlope + demandSlope) : .infinity
            price = supplySlope * unkinked <= spare ? unkinked : (demandSlope > 0 ? (excess - spare) / demandSlope : .infinity)
        }
        let capped = price > entry.maxPriceIncrease
        if capped { price = entry.maxPriceIncrease }
        let supplyResponse = min(spare, supplySlope * price)
        let demandResponse = min(demandSlope * price, excess - supplyResponse)
        // Precautionary buyers give up first at the cap: unmet is consumption only.
        let unmet = max(0, excess - precautionary - supplyResponse - demandResponse)

        // Inside: the surplus not held back lowers the domestic price; a cut of their own output
        // larger than that surplus raises it.
        let kept = max(0, withheldAtHome - divertedFromHome)
        let stockpiled = entry.insideStockpilingShare * kept
        let surplus = kept - stockpiled + insideOutputChangeTonnes
        let absorption = entry.supplyElasticity * insideProductionTonnes + demand * insideConsumptionTonnes
        var fall = surplus != 0 ? (absorption > 0 ? surplus / absorption : (surplus > 0 ? .infinity : -.infinity)) : 0
        let floored = fall > entry.maxPriceDecrease
        if floored { fall = entry.maxPriceDecrease }
        if fall < -entry.maxPriceIncrease { fall = -entry.maxPriceIncrease }

        return Clearing(divertedTonnes: diverted, precautionaryTonnes: precautionary, excessTonnes: excess, supplyResponseTonnes: supplyResponse,
                        demandResponseTonnes: demandResponse, unmetTonnes: unmet, priceChangeOutside: price,
                        outsidePriceCapped: capped, keptAtHomeTonnes: kept, heldInThirdCountriesTonnes: held - placed,
                        stockpiledInsideTonnes: stockpiled,
                        insideOutputChangeTonnes: insideOutputChangeTonnes,
                        priceChangeInside: fall == 0 ? 0 : -fall, insidePriceFloored: floored)
    }
}
