import Foundation
import LodestoneCore
import LodestoneTestSupport
import Testing

@Suite struct RestrictionScenarioTests {
    /// A (restrictor) mines 100 t, B mines 50 t. A ships 40 t and B 20 t to C; C re-exports 10 t to D.
    let world = Self.makeWorld()

    /// The world above; with `idle`, also Epsilon (EPS), which neither produces nor trades the ore.
    static func makeWorld(idle: Bool = false, extraFlows: [(CountryCode, CountryCode, Double)] = []) -> Dataset {
        var builder = Dataset.Builder()
        var countries = [(SmallWorld.a, "Alpha"), (SmallWorld.b, "Beta"), (SmallWorld.c, "Gamma"), (SmallWorld.d, "Delta")]
        if idle { countries.append((CountryCode(5), "Epsilon")) }
        for (code, name) in countries {
            builder.add(Country(code: code, m49: code.rawValue, iso3: String(name.prefix(3)).uppercased(), name: name))
        }
        builder.add(Commodity(id: "ore", name: "Ore", productionSeries: "Ore", category: "", stage: .mine, symbol: nil,
                              hs6: [111111], productionUnit: "metr. t", tonnesPerProductionUnit: 1, recyclingRate: nil))
        for (country, tonnes) in [(SmallWorld.a, 100.0), (SmallWorld.b, 50)] {
            builder.add(ProductionRecord(commodity: "ore", country: country, year: 2020, tonnes: tonnes, publishedAmount: tonnes))
        }
        for (from, to, tonnes) in [(SmallWorld.a, SmallWorld.c, 40.0), (SmallWorld.b, SmallWorld.c, 20), (SmallWorld.c, SmallWorld.d, 10)] + extraFlows {
            builder.add(TradeFlow(year: 2020, exporter: from, importer: to, hs6: 111111, valueKUSD: tonnes * 2, tonnes: tonnes))
        }
        return builder.build()
    }

    let parameters = MarketParameters(version: "test", defaults: .init(
        supplyElasticity: 0.2, demandElasticity: -0.2, spareCapacityShare: 0.1, resourcingShare: 0.5, maxPriceIncrease: 5, source: "test"))

    var everyone: [Importer] { world.countries.map(Importer.init) }

    func run(severity: Double, targets: RestrictionScenario.Targets = .everyone, extraterritorial: Bool = false) throws -> ScenarioOutcome {
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"], targets: targets,
                                           severity: severity, extraterritorial: extraterritorial)
        return try world.run(scenario, year: 2020, for: everyone, parameters: parameters)
    }

    func impact(_ outcome: ScenarioOutcome, _ code: CountryCode) -> ScenarioOutcome.Impact {
        outcome.impacts.first { $0.importer == world.country(code)!.iso3 }!
    }

    @Test func lossesPropagateToCustomersOfCustomers() throws {
        let outcome = try run(severity: 1)
        // C loses its 40 t from A; a sixth of C's 60 t pool went on to D, so D loses 40/6 t, C keeps 5/6 of the loss.
        #expect(abs(impact(outcome, SmallWorld.c).directLossTonnes - 40 * 50.0 / 60) < 1e-9)
        #expect(abs(impact(outcome, SmallWorld.d).indirectLossTonnes - 40.0 / 6) < 1e-9)
        #expect(abs(outcome.markets[0].withheldTonnes - 40) < 1e-9)
    }

    /// Buyers outside stock up b months of what the control is expected to withhold from them: the
    /// severity times what they took from the restricting country (C took 40 t a year from A).
    @Test(arguments: [0.0, 0.05, 0.6, 1.0])
    func precautionaryBuyingScalesWithTheSeverity(severity: Double) throws {
        var parameters = self.parameters
        parameters.defaults.precautionaryMonths = 3
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"], severity: severity)
        let market = try world.run(scenario, year: 2020, for: everyone, parameters: parameters).markets[0]
        #expect(abs(market.precautionaryTonnes - 3.0 / 12 * severity * 40) < 1e-9)
    }

    @Test func tonnesAreConserved() throws {
        let outcome = try run(severity: 0.7)
        let market = outcome.markets[0]
        let lost = outcome.impacts.reduce(0) { $0 + $1.directLossTonnes + $1.indirectLossTonnes }
        // Nothing Alpha withholds would have reached Alpha itself, so the loss is all of it.
        #expect(abs(lost - market.withheldTonnes) < 1e-9)
        let shortfall = outcome.impacts.reduce(0) { $0 + $1.shortfallTonnes }
        #expect(abs(shortfall - (lost - market.supplyResponseTonnes)) < 1e-9,
                "what consumers go without equals what the market lost net of new supply")
        #expect(abs(market.supplyResponseTonnes + market.demandResponseTonnes + market.unmetTonnes - lost) < 1e-9,
                "the whole loss clears on the outside market")
    }

    @Test func whatIsLeftOfTheConsumptionGivenUpFallsOnEveryoneOutsideByConsumption() throws {
        // Each importer bears the half of its loss it cannot re-source (φ = 0.5); the rest of what
        // the outside market gives up is spread by consumption, so B, which lost nothing, goes
        // short too: the price cuts its consumption.
        let outcome = try run(severity: 1)
        let market = outcome.markets[0]
        let outside = [SmallWorld.b, SmallWorld.c, SmallWorld.d].map { impact(outcome, $0) }
        let outright = outside.reduce(0) { $0 + 0.5 * ($1.directLossTonnes + $1.indirectLossTonnes) }
        let spread = (market.demandResponseTonnes + market.unmetTonnes - outright) / outside.reduce(0) { $0 + $1.consumptionTonnes }
        #expect(spread > 0)
        for i in outside {
            #expect(abs(i.shortfallTonnes - (0.5 * (i.directLossTonnes + i.indirectLossTonnes) + spread * i.consumptionTonnes)) < 1e-9)
        }
        #expect(impact(outcome, SmallWorld.b).directLossTonnes < 1e-12 && impact(outcome, SmallWorld.b).shortfallTonnes > 0)
    }

    @Test(arguments: [(0.5, 0.0), (0.0, 12.0), (0.9, 12.0), (0.3, 6.0)])
    func shortfallsAddUpToWhatTheMarketGivesUpWithinConsumption(resourcing: Double, precautionaryMonths: Double) throws {
        // With a year of precautionary buying and nothing re-sourced, C and D would be given more
        // than they consume: they go short of all of it and pass the rest on to B.
        var parameters = self.parameters
        parameters.defaults.resourcingShare = resourcing
        parameters.defaults.precautionaryMonths = precautionaryMonths
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"], targets: .everyone, severity: 1)
        let outcome = try world.run(scenario, year: 2020, for: everyone, parameters: parameters)
        let market = outcome.markets[0]
        let outside = [SmallWorld.b, SmallWorld.c, SmallWorld.d].map { impact(outcome, $0) }
        let outright = outside.reduce(0) { $0 + (1 - resourcing) * ($1.directLossTonnes + $1.indirectLossTonnes) }
        let consumption = outside.reduce(0) { $0 + $1.consumptionTonnes }
        let expected = min(consumption, max(market.demandResponseTonnes + market.unmetTonnes, outright))
        #expect(abs(outside.reduce(0) { $0 + $1.shortfallTonnes } - expected) < 1e-9)
        for i in outside { #expect(i.shortfallTonnes <= i.consumptionTonnes + 1e-9) }
    }

    @Test func noSupplyGoesNegative() throws {
        for severity in stride(from: 0.0, through: 1.0, by: 0.25) {
            let outcome = try run(severity: severity, extraterritorial: true)
            for i in outcome.impacts {
                #expect(i.shortfallTonnes >= 0 && i.shortfallTonnes <= i.consumptionTonnes + 1e-9)
                #expect(i.directLossTonnes >= 0 && i.indirectLossTonnes >= 0)
            }
        }
    }

    @Test func priceRisesWithSeverity() throws {
        let prices = try [0.0, 0.1, 0.4, 0.7, 1.0].map { try run(severity: $0).markets[0].priceChangeOutside }
        #expect(prices[0] == 0)
        #expect(zip(prices, prices.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func extraterritorialRulesFollowRestrictedOriginThroughThirdCountries() throws {
        let only = RestrictionScenario.Targets.only([SmallWorld.d])
        let plain = try run(severity: 1, targets: only)
        #expect(impact(plain, SmallWorld.d).directLossTonnes == 0 && plain.markets[0].withheldTonnes == 0)
        let reach = try run(severity: 1, targets: only, extraterritorial: true)
        // Two thirds of C's pool is A's ore, so 2/3 of C's 10 t to D is withheld.
        #expect(abs(reach.markets[0].withheldTonnes - 10 * 40.0 / 60) < 1e-9)
        #expect(impact(reach, SmallWorld.c).shortfallTonnes < impact(reach, SmallWorld.d).shortfallTonnes)
    }

    /// Under extraterritorial rules what a third country may not pass on to the targets stays
    /// with it, outside the restricting countries: non-targets take it over at once (no licence to
    /// wait for), it never lowers the restricting countries' domestic price, and what nobody can
    /// take over is reported as held in third countries. Every withheld tonne is counted once.
    @Test func whatThirdCountriesHoldBackStaysOutside() throws {
        var delayed = parameters
        delayed.defaults.licensingDelayMonths = 3
        // Delta alone is targeted; Alpha sells it nothing, so all that is withheld is the two
        // thirds of Gamma's re-exports to it that are Alpha's ore. Beta and Gamma take it over.
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"],
                                           targets: .only([SmallWorld.d]), severity: 1, extraterritorial: true)
        let placed = try world.run(scenario, year: 2020, for: everyone, parameters: delayed).markets[0]
        #expect(abs(placed.withheldTonnes - 10 * 40.0 / 60) < 1e-9)
        #expect(abs(placed.divertedTonnes - placed.withheldTonnes) < 1e-9, "not 9/12 of it: Gamma holds it already")
        #expect(placed.keptAtHomeTonnes < 1e-12 && abs(placed.priceChangeInside) < 1e-12 && placed.heldInThirdCountriesTonnes < 1e-12)

        // Gamma, the only non-target, now sells 30 t on to Epsilon and consumes only 20 t, less
        // than it took from Alpha: nobody can take over what it holds back from Delta and Epsilon.
        let epsilon = CountryCode(5)
        let withEpsilon = Self.makeWorld(idle: true, extraFlows: [(SmallWorld.c, epsilon, 30)])
        var held = scenario
        held.targets = .everyoneExcept([SmallWorld.c])
        let market = try withEpsilon.run(held, year: 2020, for: withEpsilon.countries.map(Importer.init), parameters: delayed).markets[0]
        #expect(abs(market.withheldTonnes - 40 * 40.0 / 60) < 1e-9)
        #expect(abs(market.heldInThirdCountriesTonnes - market.withheldTonnes) < 1e-9)
        #expect(market.divertedTonnes < 1e-12 && market.keptAtHomeTonnes < 1e-12 && abs(market.priceChangeInside) < 1e-12)
        #expect(market.priceChangeOutside > 0)
        for m in [placed, market] {
            let accounted = m.divertedTonnes + m.keptAtHomeTonnes + m.replacingOwnImportsTonnes + m.heldInThirdCountriesTonnes
            #expect(abs(accounted - m.withheldTonnes) < 1e-9)
        }
    }

    @Test func badDefinitionsAreRejectedWithReasons() {
        func scenario(severity: Double = 1, targets: RestrictionScenario.Targets = .everyone, restricting: [CountryCode] = [SmallWorld.a]) -> RestrictionScenario {
            RestrictionScenario(name: "bad", restricting: restricting, commodities: ["ore"], targets: targets, severity: severity)
        }
        #expect(throws: LodestoneError.invalidParameter("scenario 'bad': severity 1.5 is outside 0–1 (the share of exports withheld)")) {
            try scenario(severity: 1.5).validate(in: world)
        }
        #expect(throws: LodestoneError.self) { try scenario(targets: .everyoneExcept([SmallWorld.a])).validate(in: world) }
        #expect(throws: LodestoneError.self) { try scenario(targets: .only([SmallWorld.a])).validate(in: world) }
        #expect(throws: LodestoneError.self) { try scenario(restricting: [CountryCode(999)]).validate(in: world) }
        #expect(throws: LodestoneError.self) { try scenario(restricting: []).validate(in: world) }
        var wrong = parameters
        wrong.defaults.demandElasticity = 0.3
        #expect(throws: LodestoneError.self) { try wrong.validate() }
    }

    @Test func definitionsResolveNamesAndRejectContradictions() throws {
        let dataset = Fixtures.bundledDataset
        var definition = ScenarioDefinition(name: "x", title: "x", restricting: ["China"], commodities: ["rare earths"],
                                            targets: .init(kind: .everyoneExcept, countries: ["G7"]), severity: 0.5, extraterritorial: true)
        let scenario = try definition.resolve(in: dataset)
        #expect(scenario.restricting == [CountryCode(156)] && scenario.commodities == ["rare-earth:refined"])
        #expect(scenario.targets == .everyoneExcept(dataset.group("G7")!.members))
        definition.targets = .init(kind: .everyone, countries: ["USA"])
        #expect(throws: LodestoneError.self) { try definition.resolve(in: dataset) }
        // A misspelt kind is refused when the file is read, with the kinds there are.
        #expect { try JSONDecoder().decode(ScenarioDefinition.TargetSpec.self, from: Data(#"{"kind": "some"}"#.utf8)) } throws: { error in
            "\(error)".contains("targets kind 'some' must be everyone, only, everyone-except")
        }
        definition.targets = .init(kind: .everyone)
        definition.restricting = ["Chna"]
        #expect(throws: LodestoneError.unknownCountry("Chna", suggestion: "China (CHN)")) { try definition.resolve(in: dataset) }
    }
}

extension RestrictionScenarioTests {
    @Test func restrictingCountriesPayTheInsidePriceAndOthersTheOutsidePrice() throws {
        var split = parameters
        split.defaults.insideStockpilingShare = 0.5
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"], severity: 1)
        let outcome = try world.run(scenario, year: 2020, for: everyone, parameters: split)
        let market = outcome.markets[0]
        #expect(market.priceChangeInside < 0 && market.priceChangeOutside > 0)
        #expect(abs(impact(outcome, SmallWorld.a).priceChange - market.priceChangeInside) < 1e-12)
        #expect(impact(outcome, SmallWorld.a).shortfallTonnes == 0 && impact(outcome, SmallWorld.a).extraCostUSD < 0)
        #expect(abs(impact(outcome, SmallWorld.c).priceChange - market.priceChangeOutside) < 1e-12)
        #expect(abs(market.keptAtHomeTonnes - market.withheldTonnes) < 1e-9, "everyone is targeted: nothing is diverted")
    }

    /// Gamma re-exports a sixth of its supply to Delta, and Delta half of its to Epsilon. With
    /// Alpha and Delta restricting, a sixth of the 40 t Alpha withholds from Gamma would have
    /// reached Delta, which replaces it from what is withheld at home: Delta loses nothing and
    /// passes nothing on to Epsilon, which loses only the 5 t Delta withholds from it, and 33.3 +
    /// 5 t bid on the outside market. (Before, Delta showed a loss of its own control, all 45 t
    /// bid, and Epsilon lost half of Delta's loss on top.)
    @Test func whatReachesARestrictingCountryIsNeitherLostNorPassedOn() throws {
        let epsilon = CountryCode(5)
        let world = Self.makeWorld(idle: true, extraFlows: [(SmallWorld.d, epsilon, 5)])
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a, SmallWorld.d], commodities: ["ore"], severity: 1)
        let pair = Importer(id: "GD", name: "Gamma and Delta", members: [SmallWorld.c, SmallWorld.d])
        let outcome = try world.run(scenario, year: 2020, for: world.countries.map(Importer.init) + [pair], parameters: parameters)
        func impact(_ code: CountryCode) throws -> ScenarioOutcome.Impact {
            try #require(outcome.impacts.first { $0.importer == world.country(code)!.iso3 })
        }
        let market = outcome.markets[0], gamma = try impact(SmallWorld.c), delta = try impact(SmallWorld.d), eps = try impact(epsilon)
        #expect(abs(market.withheldTonnes - 45) < 1e-9, "what the control withholds")
        #expect(delta.directLossTonnes == 0 && delta.indirectLossTonnes == 0 && delta.shortfallTonnes == 0)
        #expect(abs(eps.directLossTonnes - 5) < 1e-9 && abs(eps.indirectLossTonnes) < 1e-9, "Delta passes nothing on")
        #expect(abs(gamma.directLossTonnes + gamma.indirectLossTonnes - 40 * 50 / 60) < 1e-9)
        let cleared = market.supplyResponseTonnes + market.demandResponseTonnes + market.unmetTonnes - market.precautionaryTonnes
        #expect(abs(cleared - (40 * 50 / 60 + 5)) < 1e-9, "the outside market clears 38.3 t, not 45")
        #expect(abs(market.replacingOwnImportsTonnes - 40 * 10 / 60) < 1e-9, "Delta replaces the 6.7 t Gamma no longer re-exports to it")
        #expect(abs(market.withheldTonnes - market.replacingOwnImportsTonnes - (40 * 50 / 60 + 5)) < 1e-9, "withheld = replaced at home + L")
        let group = try #require(outcome.impacts.first { $0.importer == "GD" })
        #expect(abs(group.directLossTonnes + group.indirectLossTonnes - (gamma.directLossTonnes + gamma.indirectLossTonnes)) < 1e-9)
    }

    /// Every withheld tonne is accounted for once: sold to a buyer the control does not target,
    /// kept at home, or used by the restricting countries to replace what they no longer get
    /// through third countries; also for some targets only, over a fractional number of years.
    @Test(arguments: [0.5, 1, 2.5])
    func withheldTonnesAreDivertedKeptOrReplaceOwnImports(years: Double) throws {
        let epsilon = CountryCode(5)
        let world = Self.makeWorld(idle: true, extraFlows: [(SmallWorld.d, epsilon, 5), (SmallWorld.a, epsilon, 30)])
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a, SmallWorld.d], commodities: ["ore"],
                                           targets: .only([SmallWorld.c]), severity: 0.6, durationYears: years)
        var delayed = parameters
        delayed.defaults.licensingDelayMonths = 3
        let market = try world.run(scenario, year: 2020, for: world.countries.map(Importer.init), parameters: delayed).markets[0]
        // Gamma loses 0.6 × 40 t a year and passed a sixth of its supply on to Delta.
        #expect(abs(market.withheldTonnes - 24 * years) < 1e-9)
        #expect(abs(market.replacingOwnImportsTonnes - 24 * 10 / 60 * years) < 1e-9)
        #expect(market.divertedTonnes > 0 && market.keptAtHomeTonnes > 0)
        #expect(market.heldInThirdCountriesTonnes == 0)
        #expect(abs(market.divertedTonnes + market.keptAtHomeTonnes + market.replacingOwnImportsTonnes - market.withheldTonnes) < 1e-9)
    }

    @Test func consumerStocksSoftenTheShortfallOnce() throws {
        var stocked = parameters
        stocked.defaults.stockMonths = 3
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"], severity: 1, durationYears: 2)
        let without = try world.run(scenario, year: 2020, for: everyone, parameters: parameters)
        let with = try world.run(scenario, year: 2020, for: everyone, parameters: stocked)
        let before = impact(without, SmallWorld.c), after = impact(with, SmallWorld.c)
        // C consumes 50 t a year (60 t supply less 10 t re-exported): a quarter-year stock is 12.5 t, over two years.
        #expect(abs(after.stockDrawTonnes - min(before.shortfallTonnes, 12.5)) < 1e-9)
        #expect(abs(after.shortfallTonnes + after.stockDrawTonnes - before.shortfallTonnes) < 1e-9)
    }

    /// A disruption of several years has the first year's frictions once: precautionary buying
    /// and the licensing delay; the later years clear as a one-year run without them would, a
    /// target short of at most its part of what the market gives up, and consumers' stocks are
    /// drawn once, first year first. Rebuilt here by hand from two one-year runs, for each
    /// country and for a group of two. Targeting only Gamma, what A diverts to the others
    /// replaces its loss from year 2 on (no later shortfall); targeting everyone, the later years
    /// still go short, at a lower price.
    @Test(arguments: [true, false], [(0.5, 0.0), (0.5, 6), (1, 1), (2.5, 1), (3, 0), (3, 1), (3, 12)])
    func laterYearsOfALongDisruptionClearWithoutTheFirstYearsFrictions(everyoneTargeted: Bool, duration: (years: Double, stockMonths: Double)) throws {
        let (years, stockMonths) = duration
        var frictions = parameters
        frictions.defaults.precautionaryMonths = 2
        frictions.defaults.licensingDelayMonths = 3
        frictions.defaults.stockMonths = stockMonths
        let settled = frictions.defaults.afterFirstYear
        #expect(settled.precautionaryMonths == 0 && settled.licensingDelayMonths == 0 && settled.resourcingShare == frictions.defaults.resourcingShare)
        #expect(settled.stockMonths == stockMonths && settled.demandElasticity == frictions.defaults.demandElasticity)
        var later = frictions
        later.defaults = settled
        let oneYear = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"],
                                          targets: everyoneTargeted ? .everyone : .only([SmallWorld.c]), severity: 1)
        var long = oneYear
        long.durationYears = years
        let group = Importer(id: "BD", name: "Beta and Delta", members: [SmallWorld.b, SmallWorld.d])
        let importers = everyone + [group]
        let first = try world.run(oneYear, year: 2020, for: importers, parameters: frictions)
        // After the first year a target is short of at most its part of what the market gives up.
        let settledMarket = try world.run(oneYear, year: 2020, for: importers, parameters: later).markets[0]
        // L, the loss bidding outside: what is withheld less what the restricting countries replace at home.
        let bidding = settledMarket.withheldTonnes - settledMarket.replacingOwnImportsTonnes
        let givenUp = (settledMarket.demandResponseTonnes + settledMarket.unmetTonnes) / bidding
        later.defaults.resourcingShare = 1 - min(1 - settled.resourcingShare, givenUp)
        #expect(everyoneTargeted ? givenUp > 0.5 : givenUp < 0.5, "the cap binds when diversion replaces the loss")
        let next = try world.run(oneYear, year: 2020, for: importers, parameters: later)
        let whole = try world.run(long, year: 2020, for: importers, parameters: frictions)
        let (m, m1, m2) = (whole.markets[0], first.markets[0], next.markets[0])
        let y1 = min(1, years), y2 = max(0, years - 1)
        #expect(abs(m.precautionaryTonnes - y1 * m1.precautionaryTonnes) < 1e-12 && m.precautionaryTonnes > 0, "stocks are built once")
        #expect(m.priceChangeOutside == m1.priceChangeOutside && m.priceChangeInside == m1.priceChangeInside)
        #expect(abs(m.divertedTonnes - (y1 * m1.divertedTonnes + y2 * m2.divertedTonnes)) < 1e-9)
        #expect(everyoneTargeted ? m2.divertedTonnes == 0 && m2.priceChangeOutside > 0 : m2.divertedTonnes > m1.divertedTonnes)
        if years > 1 {
            #expect(m.priceChangeOutsideLaterYears == m2.priceChangeOutside && m.priceChangeInsideLaterYears == m2.priceChangeInside)
            #expect(m.priceCappedLaterYears == m2.priceCapped && m.insidePriceFlooredLaterYears == m2.insidePriceFloored)
            #expect(try #require(m.priceChangeOutsideLaterYears) < m.priceChangeOutside)
        } else {
            #expect(m.priceChangeOutsideLaterYears == nil && m.priceChangeInsideLaterYears == nil)
            #expect(m.priceCappedLaterYears == nil && m.insidePriceFlooredLaterYears == nil)
        }
        let unitValue = m.priceUSDPerKg * 1000
        for importer in importers {
            func find(_ o: ScenarioOutcome) -> ScenarioOutcome.Impact { o.impacts.first { $0.importer == importer.id }! }
            let w = find(whole), f = find(first), l = find(next)
            // Member by member: the year-1 and later shortfall before stocks, the stock drawn in year 1 first.
            var draw = 0.0, short = 0.0, value = 0.0
            for member in importer.members {
                let f1 = impact(first, member), l1 = impact(next, member)
                let consumption = f1.consumptionTonnes, gross1 = (f1.shortfallTonnes + f1.stockDrawTonnes) * y1
                let gross2 = (l1.shortfallTonnes + l1.stockDrawTonnes) * y2
                let d1 = min(gross1, stockMonths / 12 * consumption), d2 = min(gross2, stockMonths / 12 * consumption - d1)
                draw += d1 + d2
                short += gross1 - d1 + gross2 - d2
                value += (gross1 - d1) * unitValue * (1 + f1.priceChange) + (gross2 - d2) * unitValue * (1 + l1.priceChange)
            }
            #expect(abs(w.stockDrawTonnes - draw) < 1e-9 && abs(w.shortfallTonnes - short) < 1e-9, "\(importer.id)")
            #expect(abs(w.shortfallValueUSD - value) < 1e-6 * max(1, value), "\(importer.id)")
            #expect(abs(w.extraCostUSD - (y1 * f.extraCostUSD + y2 * l.extraCostUSD)) < 1e-6 * max(1, abs(w.extraCostUSD)))
            #expect(w.priceChange == f.priceChange && w.priceChangeLaterYears == (years > 1 ? l.priceChange : nil))
        }
    }

    @Test func targetedRestrictionsAreDivertedToOthers() throws {
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"], targets: .only([SmallWorld.c]), severity: 1)
        let market = try world.run(scenario, year: 2020, for: everyone, parameters: parameters).markets[0]
        let full = try run(severity: 1).markets[0]
        #expect(market.divertedTonnes > 0 && market.priceChangeOutside < full.priceChangeOutside)
    }

    @Test func perCommoditySeveritiesReplaceTheScenarioSeverity() throws {
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"], severity: 1,
                                           severityByCommodity: ["ore": 0.25])
        let market = try world.run(scenario, year: 2020, for: everyone, parameters: parameters).markets[0]
        #expect(market.severity == 0.25 && abs(market.withheldTonnes - 10) < 1e-9)
    }

    /// A production quota issued with the control: A's own output falls by 30 % of 100 t.
    @Test func aConcurrentOutputCutOfTheRestrictingCountryRaisesItsPrice() throws {
        var split = parameters
        split.defaults.insideStockpilingShare = 1  // all of what is withheld is held back: only the cut moves the inside price
        let plain = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"], severity: 0.5)
        var quota = plain
        quota.outputChangeByCommodity = ["ore": -0.3]
        let before = try world.run(plain, year: 2020, for: everyone, parameters: split).markets[0]
        let after = try world.run(quota, year: 2020, for: everyone, parameters: split).markets[0]
        #expect(before.priceChangeInside == 0 && before.insideOutputChangeTonnes == 0)
        #expect(abs(after.insideOutputChangeTonnes + 30) < 1e-9)
        #expect(after.priceChangeInside > 0, "the cut tightens the home market")
        #expect(after.priceChangeOutside == before.priceChangeOutside, "exports are set by the severity, as observed")
    }

    @Test func outputChangesAreNamedAndBounded() throws {
        let dataset = Fixtures.bundledDataset
        var definition = ScenarioDefinition(name: "x", title: "x", restricting: ["China"], commodities: ["tungsten:mine"],
                                            targets: .init(kind: .everyone), severity: 0.3, extraterritorial: false)
        definition.outputChanges = ["tungsten:mine": -0.0645]
        #expect(try definition.resolve(in: dataset).outputChangeByCommodity == ["tungsten:mine": -0.0645])
        definition.outputChanges = ["gallium": -0.1]
        #expect { try definition.resolve(in: dataset) } throws: { "\($0)".contains("an output change is given for gallium:refined, which is not among its commodities") }
        definition.outputChanges = ["tungsten:mine": -1.5]
        #expect { try definition.resolve(in: dataset) } throws: { "\($0)".contains("outside −1 to 1") }
    }

    @Test func anImporterThatConsumesNoneHasNoSharesRatherThanZero() throws {
        let idleWorld = Self.makeWorld(idle: true)
        let scenario = RestrictionScenario(name: "t", restricting: [SmallWorld.a], commodities: ["ore"], severity: 1)
        let outcome = try idleWorld.run(scenario, year: 2020, for: idleWorld.countries.map(Importer.init), parameters: parameters)
        let idle = try #require(outcome.impacts.first { $0.importer == "EPS" })
        #expect(idle.consumptionTonnes == 0 && idle.shortfallTonnes == 0)
        #expect(idle.lossShare == nil && idle.shortfallShare == nil, "a share of nothing is not assessable, not 0 %")
        let gamma = try #require(outcome.impacts.first { $0.importer == "GAM" })
        #expect(gamma.lossShare.map { $0 > 0 && $0 <= 1 } == true && gamma.shortfallShare.map { $0 > 0 && $0 <= 1 } == true)
    }
}
