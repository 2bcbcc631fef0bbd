import LodestoneCore

// The registry: one entry per question, listed in `Questions.all`. Each says how the question
// is asked (its parameters, years, whether it is heavy) and how its request is built from an
// input, whether that came from the command line or a query string.

/// Every question with a registry entry, in the order `--help` lists them.
public enum Questions {
    public static let all: [any Question.Type] = [
        RiskQuestion.self, ConcentrationQuestion.self, SuppliersQuestion.self, TraceQuestion.self, ExposureQuestion.self, CountryQuestion.self,
        PrioritiesQuestion.self, StockpileQuestion.self, InvestmentQuestion.self,
        ScenarioListQuestion.self, ScenarioRunQuestion.self, BacktestQuestion.self,
        CommoditiesQuestion.self, CountriesQuestion.self, GroupsQuestion.self, OfficialCheckQuestion.self, DataInfoQuestion.self,
    ]
}

public enum RiskQuestion: Question {
    public static let command = ["risk"]
    public static let path = "risk"
    public static let summary = "GeoPolRisk score, import risk, price and characterisation factor for an importer."
    public static let discussion = "Sorted by score unless --sort says otherwise. Commodities that cannot be assessed are listed on stderr (table) or under notAssessed with their reasons (csv, json)."
    public static let parameters: [QuestionParameter] = [
        .importer, .commodities,
        .choice("method", GeoPolRiskMethod.self, help: "lodestone (default) or geopolrisk-py-2.0.1 (reference behaviour, defects included)."),
        .choice("sort", RiskRequest.Sort.self, help: "Sort by: score, cf, hhi, import-risk, price, commodity."),
    ]
    public static let years = YearSupport.series

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> RiskReport {
        try engine.risk(RiskRequest(importer: input.required("importer"), year: year, commodities: input.list("commodity"),
                                    method: input.choice("method", default: .lodestone), sort: input.choice("sort", default: .score)))
    }
}

public enum ConcentrationQuestion: Question {
    public static let command = ["concentration"]
    public static let path = "concentration"
    public static let summary = "Producers of a commodity, their shares, HHI and top-1/top-3 shares."
    public static let discussion = "Where other stages of the same commodity (mine, refined, metal, component) have their own production series, their shares are shown side by side."
    public static let parameters: [QuestionParameter] = [.commodity, .top]
    public static let years = YearSupport.series

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> ConcentrationReport {
        try engine.concentration(ConcentrationRequest(commodity: input.required("commodity"), year: year, top: input.int("top")))
    }
}

public enum SuppliersQuestion: Question {
    public static let command = ["suppliers"]
    public static let path = "suppliers"
    public static let summary = "Who supplies an importer: shares by quantity and value, governance of each supplier, import HHI."
    public static let parameters: [QuestionParameter] = [
        .importer, QuestionParameter("commodity", .text, required: true, help: "Commodity id or name (gallium, tungsten:metal)."),
        QuestionParameter("partners", .text, help: "A partner group whose members are flagged and whose share is reported (G7, MSP, USA+AUS).", aliases: ["allies"]),
        .top,
    ]
    public static let years = YearSupport.series

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> SuppliersReport {
        try engine.suppliers(SuppliersRequest(importer: input.required("importer"), commodity: input.required("commodity"), year: year,
                                              partners: input.string("partners"), top: input.int("top")))
    }
}

public enum TraceQuestion: Question {
    public static let command = ["trace"]
    public static let path = "trace"
    public static let summary = "Who really supplies an importer: direct and origin-traced shares, through third countries."
    public static let discussion = "Re-exports are followed through the whole trade network (proportional mixing); see the README."
    public static let parameters: [QuestionParameter] = [.importer, QuestionParameter("commodity", .text, required: true, help: "Commodity id or name."), .top]
    public static let years = YearSupport.series

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> TraceReport {
        try engine.trace(TraceRequest(importer: input.required("importer"), commodity: input.required("commodity"), year: year, top: input.int("top")))
    }
}

public enum ExposureQuestion: Question {
    public static let command = ["exposure"]
    public static let path = "exposure"
    public static let summary = "Who depends on one exporter for a commodity: its exports by importer, and each importer's share of its imports from it."
    public static let discussion = "The reverse of suppliers: whom a restriction by this exporter would hit first. Example: lodestone exposure --exporter CHN --commodity gallium"
    public static let parameters: [QuestionParameter] = [
        QuestionParameter("exporter", .text, required: true, help: "Country, group or union whose exports to follow (CHN, CHN+HKG)."),
        QuestionParameter("commodity", .text, required: true, help: "Commodity id or name (gallium, tungsten:metal)."),
        .top,
    ]
    public static let years = YearSupport.series

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> ExposureReport {
        try engine.exposure(ExposureRequest(exporter: input.required("exporter"), commodity: input.required("commodity"), year: year, top: input.int("top")))
    }
}

public enum CountryQuestion: Question {
    public static let command = ["country"]
    public static let path = "country"
    public static let summary = "One country's page: what it produces, what it imports and from whom, the presets that hit it, and who else produces it."
    public static let discussion = "Any name works: lodestone country JPN, lodestone country 日本, lodestone country اليابان. --format json prints what GET /api/v1/country returns."
    public static let parameters: [QuestionParameter] = [
        QuestionParameter("country", .text, required: true, help: "The country (ISO3, number or name in English, Japanese or Arabic).", positional: true),
        QuestionParameter("partners", .text, help: "A group whose members are listed first among the other producers, e.g. MSP or Quad."),
    ]
    public static let years = YearSupport.single

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> CountryProfileReport {
        try engine.countryProfile(CountryProfileRequest(country: input.required("country"), year: year, partners: input.string("partners")))
    }
}

public enum PrioritiesQuestion: Question {
    public static let command = ["priorities"]
    public static let path = "priorities"
    public static let summary = "Priority minerals for an importer, ranked by probability-weighted economic loss from export restrictions."
    public static let parameters: [QuestionParameter] = [
        .importer, QuestionParameter("commodity", .list, help: "Commodities or stages, e.g. gallium tungsten:metal (default: every family's default stage)."),
        QuestionParameter("draws", .integer, help: "Simulated years (bounded by the memory limit)."),
        QuestionParameter("seed", .unsigned, help: "Random seed."),
    ]
    public static let years = YearSupport.single
    public static let heavy = true

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> PrioritiesReport {
        var request = PrioritiesRequest(importer: try input.required("importer"), year: year, commodities: input.list("commodity"))
        if let draws = try input.int("draws") { request.draws = draws }
        if let seed = try input.unsigned("seed") { request.seed = seed }
        return try engine.priorities(request, cancellation: context.cancellation)
    }
}

public enum StockpileQuestion: Question {
    public static let command = ["plan", "stockpile"]
    public static let path = "plan/stockpile"
    public static let summary = "How large a strategic stock of each mineral an importer should hold, and what it costs."
    public static let parameters: [QuestionParameter] = [
        .importer, QuestionParameter("commodity", .list, help: "Stages or families (default: each family at its most exposed consumed stage)."),
        QuestionParameter("budget", .number, help: "Budget in USD for buying the stock, e.g. 1e9."),
        QuestionParameter("draws", .integer, help: "Simulated years the plan is built on."),
        QuestionParameter("seed", .unsigned, help: "Random seed (the plan is checked on seed + 1)."),
        QuestionParameter("holdingRate", .number, help: "Annual holding cost as a share of the stock's value, in (0, 1]."),
        QuestionParameter("purchaseShare", .number, help: "Largest share of a year's world output of a stage the plan may buy, in (0, 1]."),
        QuestionParameter("disruptionYears", .number, help: "Years a disruption lasts, drawing the stock down (1–10; consumers' own stocks are drawn once)."),
    ]
    public static let years = YearSupport.single
    public static let heavy = true

    /// The solver gets the context's time limit for each solve (cancellation stops the rest).
    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> StockpileReport {
        var request = StockpileRequest(importer: try input.required("importer"), year: year, commodities: input.list("commodity"),
                                       budgetUSD: try input.double("budget"), timeLimitSeconds: max(1, context.timeLimitSeconds))
        if let draws = try input.int("draws") { request.draws = draws }
        if let seed = try input.unsigned("seed") { request.seed = seed }
        if let rate = try input.double("holdingRate") { request.holdingCostRate = rate }
        if let share = try input.double("purchaseShare") { request.purchaseShare = share }
        if let years = try input.double("disruptionYears") { request.disruptionYears = years }
        return try engine.planStockpile(request, cancellation: context.cancellation)
    }
}

public enum InvestmentQuestion: Question {
    public static let command = ["plan", "invest"]
    public static let path = "plan/invest"
    public static let summary = "Which allied projects to finance, when their capacity arrives, and what faster permitting is worth."
    public static let parameters: [QuestionParameter] = [
        .importer, QuestionParameter("budget", .number, required: true, help: "Budget in USD, e.g. 5e9."),
        QuestionParameter("horizon", .integer, help: "Last year of the plan."),
        QuestionParameter("permittingSpeedup", .integer, help: "Years faster permitting takes off every lead time (0–10)."),
        QuestionParameter("draws", .integer, help: "Simulated years the plan is built on."),
        QuestionParameter("seed", .unsigned, help: "Random seed."),
        .partners,
    ]
    public static let years = YearSupport.single
    public static let heavy = true

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> InvestmentReport {
        guard let budget = try input.double("budget") else {
            throw EngineError(.usage, input.origin == .query ? "missing query parameter 'budget' (USD, e.g. 5e9)" : "missing --budget (USD, e.g. 5e9)")
        }
        var request = InvestmentRequest(importer: try input.required("importer"), year: year, budgetUSD: budget,
                                        timeLimitSeconds: max(1, context.timeLimitSeconds))
        if let horizon = try input.int("horizon") { request.horizon = horizon }
        if let speedup = try input.int("permittingSpeedup") { request.permittingSpeedupYears = speedup }
        if let draws = try input.int("draws") { request.draws = draws }
        if let seed = try input.unsigned("seed") { request.seed = seed }
        request.partners = input.string("partners")
        return try engine.planInvestment(request, cancellation: context.cancellation)
    }
}

public enum ScenarioListQuestion: Question {
    public static let command = ["scenario", "list"]
    public static let path = "scenarios"
    public static let summary = "List the bundled real-event presets, with the base year each run uses by default."
    public static let parameters: [QuestionParameter] = []
    public static let years = YearSupport.none

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> ScenarioListReport {
        engine.scenarioList()
    }
}

public enum ScenarioRunQuestion: Question {
    public static let command = ["scenario", "run"]
    public static let path = "scenarios/run"
    public static let summary = "Run a preset or a restriction given field by field, for one or more importers."
    public static let parameters: [QuestionParameter] = [
        QuestionParameter("preset", .text, help: "A bundled preset (see scenarios)."),
        QuestionParameter("restricting", .list, help: "Restricting countries."),
        QuestionParameter("commodity", .list, help: "Commodities restricted."),
        QuestionParameter("severity", .number, help: "Share of exports withheld, 0–1."),
        QuestionParameter("targets", .list, help: "Only these importers are targeted."),
        QuestionParameter("exempt", .list, help: "Everyone except these is targeted."),
        QuestionParameter("extraterritorial", .boolean, help: "Third countries' re-exports of the restricting countries' material are withheld too."),
        QuestionParameter("duration", .number, help: "Years the restriction lasts (from year 2 without the first year's precautionary buying and licensing delay)."),
        QuestionParameter("importer", .list, required: true, help: "Importers to report, or all."),
        .partners, .top,
    ]
    public static let years = YearSupport.single
    public static let heavy = true

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> ScenarioRunReport {
        let request = ScenarioRunRequest(
            preset: input.string("preset"), restricting: input.optionalList("restricting"), commodities: input.optionalList("commodity"),
            severity: try input.double("severity"), targets: input.optionalList("targets"), exempt: input.optionalList("exempt"),
            extraterritorial: try input.bool("extraterritorial"), durationYears: try input.double("duration"), year: year,
            importers: input.list("importer"), partners: input.string("partners"), top: try input.int("top"))
        return try engine.scenarioRun(request, cancellation: context.cancellation)
    }
}

public enum BacktestQuestion: Question {
    public static let command = ["backtest"]
    public static let path = "backtest"
    public static let summary = "The market model against observed price moves after real export controls."
    public static let parameters: [QuestionParameter] = []
    public static let years = YearSupport.none
    public static let heavy = true

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> BacktestReport {
        try engine.backtest(cancellation: context.cancellation)
    }
}

public enum CommoditiesQuestion: Question {
    public static let command = ["commodities"]
    public static let path = "commodities"
    public static let summary = "List commodity stages, their HS codes, default stage and production years."
    public static let parameters: [QuestionParameter] = []
    public static let years = YearSupport.none

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> CommoditiesReport {
        engine.commodities()
    }
}

public enum CountriesQuestion: Question {
    public static let command = ["countries"]
    public static let path = "countries"
    public static let summary = "List countries with their codes."
    public static let parameters: [QuestionParameter] = []
    public static let years = YearSupport.none

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> CountriesReport {
        engine.countries()
    }
}

public enum GroupsQuestion: Question {
    public static let command = ["groups"]
    public static let path = "groups"
    public static let summary = "List built-in country groups and their members."
    public static let parameters: [QuestionParameter] = []
    public static let years = YearSupport.none

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> GroupsReport {
        engine.groups()
    }
}

public enum OfficialCheckQuestion: Question {
    public static let command = ["data", "check"]
    public static let path = "data/check"
    public static let summary = "A country's figures beside its official statistics (USGS MCS for the USA), and which the answers use."
    public static let discussion = """
        One row per stage and measure: Lodestone's production, imports, exports and apparent consumption \
        (net import reliance beside it) next to the official figure, the ratio, the figure used and why. \
        Where they differ by more than ×1.5 the official total is used and trade keeps the split across partners.
        """
    public static let parameters: [QuestionParameter] = [
        QuestionParameter("importer", .text, required: true, help: "One country with official statistics (USA).", aliases: ["for"]),
    ]
    public static let years = YearSupport.series

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> OfficialCheckReport {
        try engine.officialCheck(OfficialCheckRequest(importer: input.required("importer"), year: year))
    }
}

public enum DataInfoQuestion: Question {
    public static let command = ["data", "info"]
    public static let path = "data"
    public static let summary = "Sources, versions, licences and row counts of the store."
    public static let parameters: [QuestionParameter] = []
    public static let years = YearSupport.none

    public static func answer(_ input: QuestionInput, year: Int?, engine: Engine, context: QuestionContext) throws(EngineError) -> DataInfoReport {
        engine.dataInfo()
    }
}
