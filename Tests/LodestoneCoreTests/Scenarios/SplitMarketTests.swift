import Foundation
import LodestoneCore
import LodestoneTestSupport
import Testing

/// Hand-checkable cases of the split-market clearing (`SplitMarket`), tolerance 1e-12.
@Suite struct SplitMarketTests {
    static let entry = MarketParameters.Entry(supplyElasticity: 0.2, demandElasticity: -0.2, spareCapacityShare: 0.1,
                                              resourcingShare: 0.5, maxPriceIncrease: 5, insideStockpilingShare: 0.5, source: "test")

    func market(lost: Double, divertible: Double = 0) -> SplitMarket {
        SplitMarket(lostTonnes: lost, divertibleTonnes: divertible, outsideProductionTonnes: 100, outsideConsumptionTonnes: 1000,
                    insideProductionTonnes: 500, insideConsumptionTonnes: 400)
    }

    @Test func outsidePriceClearsTheWholeLoss() {
        // E = L = 100 t whatever the re-sourcing share; slopes 0.2·100 + 0.2·1000 = 220 t per unit
        // price: p = 100/220, supply 20·p ≤ 10 t spare.
        let c = market(lost: 100).clear(Self.entry)
        #expect(abs(c.excessTonnes - 100) < 1e-12)
        #expect(abs(c.priceChangeOutside - 100.0 / 220) < 1e-12)
        #expect(abs(c.supplyResponseTonnes - 20 * 100.0 / 220) < 1e-12)
        var hardToReSource = Self.entry
        hardToReSource.resourcingShare = 0.1
        let other = market(lost: 100).clear(hardToReSource)
        #expect(abs(other.priceChangeOutside - c.priceChangeOutside) < 1e-12 && abs(other.excessTonnes - c.excessTonnes) < 1e-12,
                "φ decides who goes short, not the price")
        #expect(abs(c.supplyResponseTonnes + c.demandResponseTonnes + c.unmetTonnes - c.excessTonnes) < 1e-12, "conservation")
    }

    @Test func spareCapacityKinksTheSupplyCurve() {
        var entry = Self.entry
        entry.supplyElasticity = 1
        entry.spareCapacityShare = 0.01
        // Unkinked p = 100/300 would need 33.3 t of new output; only 1 t is idle, so p = (100 − 1)/200.
        let c = market(lost: 100).clear(entry)
        #expect(abs(c.priceChangeOutside - 99.0 / 200) < 1e-12)
        #expect(abs(c.supplyResponseTonnes - 1) < 1e-12)
    }

    /// Under extraterritorial rules third countries hold H of the loss: non-targets take it over
    /// at once, then what the restricting countries divert arrives after the licensing delay; what
    /// nobody can take stays with the third countries, never at home.
    @Test func whatThirdCountriesHoldIsTakenOverFirstAndNeverKeptAtHome() {
        var delayed = Self.entry
        delayed.licensingDelayMonths = 3
        // L 100 t, H 40 t, 50 t divertible: V_H = 40, V = min(60, 10)·9/12 = 7.5, K = 60 − 7.5.
        var placed = market(lost: 100, divertible: 50)
        placed.heldOutsideTonnes = 40
        let a = placed.clear(delayed)
        #expect(abs(a.divertedTonnes - 47.5) < 1e-12 && abs(a.keptAtHomeTonnes - 52.5) < 1e-12)
        #expect(a.heldInThirdCountriesTonnes == 0 && abs(a.excessTonnes - 52.5) < 1e-12)
        // 30 t divertible: third countries place 30 and keep 10; the restricting countries place nothing.
        var held = market(lost: 100, divertible: 30)
        held.heldOutsideTonnes = 40
        let b = held.clear(delayed)
        #expect(abs(b.divertedTonnes - 30) < 1e-12 && abs(b.heldInThirdCountriesTonnes - 10) < 1e-12)
        #expect(abs(b.keptAtHomeTonnes - 60) < 1e-12)
        // Only what stays at home moves the inside price: 60 t, half stockpiled, against 180 t per unit price.
        #expect(abs(b.priceChangeInside + 30.0 / 180) < 1e-12)
        for c in [a, b] { #expect(abs(c.divertedTonnes + c.keptAtHomeTonnes + c.heldInThirdCountriesTonnes - 100) < 1e-12) }
    }

    @Test func whatStaysAtHomeLowersTheInsidePrice() {
        // K = 100 t, half stockpiled; 50 t clear against 0.2·500 + 0.2·400 = 180 t per unit price.
        let c = market(lost: 100).clear(Self.entry)
        #expect(abs(c.keptAtHomeTonnes - 100) < 1e-12 && abs(c.stockpiledInsideTonnes - 50) < 1e-12)
        #expect(abs(c.priceChangeInside + 50.0 / 180) < 1e-12)
    }

    @Test func aCutOfTheirOwnOutputLargerThanWhatStaysAtHomeRaisesTheInsidePrice() {
        // 50 t kept and sold at home, but output cut by 10 % of 500 t = 50 t → 0: no change.
        var balanced = market(lost: 100)
        balanced.insideOutputChangeTonnes = -50
        #expect(balanced.clear(Self.entry).priceChangeInside == 0)
        // A 20 % cut (100 t): 50 − 100 = −50 t clears at +50/180; the outside is as before.
        var cut = market(lost: 100)
        cut.insideOutputChangeTonnes = -100
        let c = cut.clear(Self.entry)
        #expect(abs(c.priceChangeInside - 50.0 / 180) < 1e-12)
        #expect(c.insideOutputChangeTonnes == -100)
        #expect(c.priceChangeOutside == market(lost: 100).clear(Self.entry).priceChangeOutside)
        // A rise is bounded by maxPriceIncrease, as outside.
        cut.insideOutputChangeTonnes = -100_000
        #expect(cut.clear(Self.entry).priceChangeInside == Self.entry.maxPriceIncrease)
    }

    @Test func diversionToNonTargetsOffsetsTheLoss() {
        // 30 t of the withheld supply go to non-targeted buyers: E = 100 − 30, K = 100 − 30.
        let c = market(lost: 100, divertible: 30).clear(Self.entry)
        #expect(abs(c.divertedTonnes - 30) < 1e-12 && abs(c.excessTonnes - 70) < 1e-12 && abs(c.keptAtHomeTonnes - 70) < 1e-12)
        // No more than was lost is diverted.
        #expect(abs(market(lost: 20, divertible: 30).clear(Self.entry).divertedTonnes - 20) < 1e-12)
        #expect(c.priceChangeOutside < market(lost: 100).clear(Self.entry).priceChangeOutside)
    }

    @Test func pricesAreCappedAndFloored() {
        var entry = Self.entry
        entry.maxPriceIncrease = 0.1
        entry.maxPriceDecrease = 0.05
        let c = market(lost: 100).clear(entry)
        #expect(c.outsidePriceCapped && c.priceChangeOutside == 0.1 && c.unmetTonnes > 0)
        #expect(abs(c.supplyResponseTonnes + c.demandResponseTonnes + c.unmetTonnes - c.excessTonnes) < 1e-12)
        #expect(c.insidePriceFloored && c.priceChangeInside == -0.05)
    }

    @Test(arguments: [0.0, 0.01, 0.3, 0.9])
    func monotoneInTheLossAndInsideNeverAboveOutside(stockpiling: Double) {
        var entry = Self.entry
        entry.insideStockpilingShare = stockpiling
        var previous = market(lost: 0).clear(entry)
        #expect(previous.priceChangeOutside == 0 && previous.priceChangeInside == 0)
        for lost in stride(from: 5.0, through: 2000, by: 5) {
            let c = market(lost: lost, divertible: 40).clear(entry)
            #expect(c.priceChangeInside <= 0 && 0 <= c.priceChangeOutside)
            #expect(c.priceChangeOutside >= previous.priceChangeOutside && c.priceChangeInside <= previous.priceChangeInside)
            previous = c
        }
    }

    @Test func precautionaryBuyingAddsToTheExcessDemand() {
        // Outside buyers took 200 t from the restricting countries; 3 months of it is P = 50 t: E = 100 + 50.
        // Unkinked, p = 150/220 would need 13.6 t of new output; 10 t are idle, so p = (150 − 10)/200.
        var entry = Self.entry
        entry.precautionaryMonths = 3
        var split = market(lost: 100)
        split.outsideSupplyFromRestrictingTonnes = 200
        let c = split.clear(entry)
        #expect(abs(c.precautionaryTonnes - 50) < 1e-12 && abs(c.excessTonnes - 150) < 1e-12)
        #expect(abs(c.priceChangeOutside - 140.0 / 200) < 1e-12)
        // Even with nothing withheld (a warning, or a ban on one buyer fully diverted) the price rises.
        split.lostTonnes = 0
        #expect(split.clear(entry).priceChangeOutside > 0)
        // At the cap, precautionary buyers give up first: unmet is consumption only.
        entry.maxPriceIncrease = 0.01
        split.lostTonnes = 100
        let capped = split.clear(entry)
        #expect(abs(capped.supplyResponseTonnes + capped.demandResponseTonnes + capped.unmetTonnes + capped.precautionaryTonnes
                    - capped.excessTonnes) < 1e-12)
    }

    @Test func aLicensingDelayHoldsBackWhatIsDiverted() {
        // Diverting 30 t would take licences six months to clear: 15 t arrive within the year.
        var entry = Self.entry
        entry.licensingDelayMonths = 6
        let c = market(lost: 100, divertible: 30).clear(entry)
        #expect(abs(c.divertedTonnes - 15) < 1e-12 && abs(c.excessTonnes - 85) < 1e-12 && abs(c.keptAtHomeTonnes - 85) < 1e-12)
        #expect(c.priceChangeOutside > market(lost: 100, divertible: 30).clear(Self.entry).priceChangeOutside)
    }

    @Test func thePricePathReachesTheEquilibriumAsStocksRunDown() {
        var entry = Self.entry
        #expect(entry.pricePath(months: 0.5) == 1, "no adjustment time: at once")
        entry.priceAdjustmentMonths = 3
        entry.announcementShare = 0.2
        #expect(abs(entry.pricePath(months: 0) - 0.2) < 1e-12)
        #expect(abs(entry.pricePath(months: 3) - (1 - 0.8 * exp(-1))) < 1e-12)
        #expect(entry.pricePath(months: 1) < entry.pricePath(months: 5.5) && entry.pricePath(months: 60) > 0.999)
    }

    @Test func filesWithoutTheNewTermsDecodeToNeutralValues() throws {
        let json = #"{"supplyElasticity":0.2,"demandElasticity":-0.2,"spareCapacityShare":0.1,"resourcingShare":0.5,"maxPriceIncrease":5,"source":"old"}"#
        let entry = try JSONDecoder().decode(MarketParameters.Entry.self, from: Data(json.utf8))
        #expect(entry.precautionaryMonths == 0 && entry.licensingDelayMonths == 0 && entry.priceAdjustmentMonths == 0 && entry.announcementShare == 1)
        var bad = MarketParameters(version: "t", defaults: entry)
        bad.defaults.licensingDelayMonths = 13
        #expect(throws: LodestoneError.self) { try bad.validate() }
    }
}
