/// Stockpile sizing as a two-stage stochastic program over simulated disruption years.
///
/// First stage: tonnes xᵢ to hold of each stage i, bought at the pre-disruption price cᵢ (USD/t),
/// at most `purchaseLimitTonnes` (what the market can supply without moving its price), within
/// the budget Σ cᵢ·xᵢ ≤ B. Holding costs hᵢ·cᵢ·xᵢ a year (capital, storage, insurance).
/// Second stage, in each simulated year ω (weight wω): release rᵢω ≤ min(xᵢ, sᵢω) against the
/// shortfall sᵢω; what is not covered costs vᵢω a tonne (its value at the disruption price).
///     minimise  Σᵢ hᵢ·cᵢ·xᵢ + Σω wω Σᵢ vᵢω·(sᵢω − rᵢω)
/// Released stock is bought back at the pre-disruption price before the next year, so each
/// simulated year starts with the plan's stock (years are independent draws).
///
/// With one item, a constant v, no budget and no purchase limit this is the newsvendor: the
/// optimal stock is the smallest x with P(s > x) ≤ h·c/v (the critical fractile).
public struct StockpileProblem: Sendable {
    public struct Item: Hashable, Sendable, Codable {
        public var commodity: CommodityID
        public var priceUSDPerTonne: Double
        /// Annual cost of holding a tonne, as a share of its price.
        public var holdingCostRate: Double
        public var purchaseLimitTonnes: Double

        public init(commodity: CommodityID, priceUSDPerTonne: Double, holdingCostRate: Double, purchaseLimitTonnes: Double) {
            self.commodity = commodity
            self.priceUSDPerTonne = priceUSDPerTonne
            self.holdingCostRate = holdingCostRate
            self.purchaseLimitTonnes = purchaseLimitTonnes
        }
    }

    /// One simulated year: per item, its shortfall and the loss per tonne of it left uncovered.
    public struct Year: Hashable, Sendable {
        public var weight: Double
        public var shortfallTonnes: [Double]
        public var lossPerTonneUSD: [Double]

        public init(weight: Double, shortfallTonnes: [Double], lossPerTonneUSD: [Double]) {
            self.weight = weight
            self.shortfallTonnes = shortfallTonnes
            self.lossPerTonneUSD = lossPerTonneUSD
        }
    }

    public var items: [Item]
    public var years: [Year]
    /// Nil: no budget (the stock stops where a tonne more costs more to hold than it saves).
    public var budgetUSD: Double?
    /// The number of equally likely simulated years the weights stand for (years without any
    /// shortfall are left out of `years`, their weight is the rest of 1); nil: no standard error.
    public var sampleSize: Int?

    public init(items: [Item], years: [Year], budgetUSD: Double?, sampleSize: Int? = nil) {
        self.items = items
        self.years = years
        self.budgetUSD = budgetUSD
        self.sampleSize = sampleSize
    }

    public func validate() throws(LodestoneError) {
        if let budgetUSD, !(budgetUSD.isFinite && budgetUSD >= 0) {
            throw .invalidParameter("budget \(budgetUSD) USD must be a finite amount ≥ 0, e.g. --budget 1e9")
        }
        for item in items {
            guard item.priceUSDPerTonne.isFinite, item.priceUSDPerTonne > 0 else {
                throw .invalidParameter("\(item.commodity) has no positive unit value, so its stock cannot be priced")
            }
            guard item.holdingCostRate.isFinite, item.holdingCostRate > 0 else {
                throw .invalidParameter("holding cost rate \(item.holdingCostRate) must be > 0 a year, e.g. 0.06")
            }
            guard item.purchaseLimitTonnes.isFinite, item.purchaseLimitTonnes >= 0 else {
                throw .invalidParameter("purchase limit of \(item.commodity) must be ≥ 0 t")
            }
        }
        for year in years where year.shortfallTonnes.count != items.count || year.lossPerTonneUSD.count != items.count {
            throw .invalidParameter("a simulated year has \(year.shortfallTonnes.count) shortfalls for \(items.count) items")
        }
    }

    /// The program: columns xᵢ (items first), then one release column per item and year with a
    /// shortfall; rows rᵢω − xᵢ ≤ 0 and the budget.
    public func linearProgram() -> LinearProgram {
        var program = LinearProgram()
        for item in items {
            program.addColumn(cost: item.holdingCostRate * item.priceUSDPerTonne, upper: item.purchaseLimitTonnes)
        }
        for year in years {
            for i in items.indices where year.shortfallTonnes[i] > 0 && year.lossPerTonneUSD[i] > 0 {
                let value = year.weight * year.lossPerTonneUSD[i]
                program.objectiveConstant += value * year.shortfallTonnes[i]
                let release = program.addColumn(cost: -value, upper: year.shortfallTonnes[i])
                program.addRow([(release, 1), (i, -1)], upper: 0)
            }
        }
        if let budgetUSD {
            program.addRow(items.indices.map { ($0, items[$0].priceUSDPerTonne) }, upper: budgetUSD)
        }
        return program
    }

    /// Expected loss left when holding `stock` (tonnes per item), every year evaluated exactly
    /// (rᵢω = min(xᵢ, sᵢω)), and its standard error √(Var/n) over the `sampleSize` simulated years
    /// (0 without one): Var = Σ w·L² − (Σ w·L)², the left-out years counting as losses of 0.
    public func evaluate(stock: [Double]) -> (expectedLossUSD: [Double], total: Double, standardError: Double) {
        var perItem = [Double](repeating: 0, count: items.count)
        var sum = 0.0, sumSquares = 0.0
        for year in years {
            var loss = 0.0
            for i in items.indices {
                let left = max(0, year.shortfallTonnes[i] - min(stock[i], year.shortfallTonnes[i])) * year.lossPerTonneUSD[i]
                perItem[i] += year.weight * left
                loss += left
            }
            sum += year.weight * loss
            sumSquares += year.weight * loss * loss
        }
        guard let n = sampleSize, n > 1 else { return (perItem, sum, 0) }
        let variance = max(0, sumSquares - sum * sum) * Double(n) / Double(n - 1)
        return (perItem, sum, (variance / Double(n)).squareRoot())
    }
}
