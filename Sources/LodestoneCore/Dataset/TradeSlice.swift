/// All flows of one HS6 product in one year, as parallel arrays sorted by importer.
///
/// Countries are dense indices into `Dataset.countries`; a missing quantity is `.nan`.
struct TradeSlice: Sendable {
    var exporters: [Int32] = []
    var importers: [Int32] = []
    var valueKUSD: [Double] = []
    var tonnes: [Double] = []
    /// The slice's typical unit value, USD/kg (kUSD/t): the lower of its value-weighted and
    /// tonnage-weighted median unit values over the flows with both a value and a quantity. The
    /// value-weighted median ignores junk tonnage (a million tonnes at 0.006 USD/kg carries
    /// little value); the tonnage-weighted one ignores a high-purity niche worth most of the value
    /// (7N arsenic at 100 USD/kg beside bulk metal at 1–2). NaN until `finish()`, and when no
    /// flow has both.
    var typicalUnitValue: Double = .nan
    /// Sorted by importer and the typical unit value worked out (the trade image keeps both, so a cached
    /// load does neither again).
    var isFinished = false

    var count: Int { importers.count }

    mutating func append(exporter: Int32, importer: Int32, valueKUSD value: Double, tonnes quantity: Double) {
        (isFinished, typicalUnitValue) = (false, .nan)
        exporters.append(exporter)
        importers.append(importer)
        valueKUSD.append(value)
        tonnes.append(quantity)
    }

    /// Sorts by importer and works out the typical unit value, once.
    mutating func finish() {
        guard !isFinished else { return }
        sortByImporter()
        typicalUnitValue = Self.typicalUnitValue(values: valueKUSD, tonnes: tonnes)
        isFinished = true
    }

    /// The lower of the value-weighted and the tonnage-weighted median unit value (each: the
    /// unit value at which the cumulative weight, in order of unit value, first reaches half the
    /// total); NaN when no flow has both a positive value and a positive quantity.
    static func typicalUnitValue(values: [Double], tonnes: [Double]) -> Double {
        var flows: [(unitValue: Double, value: Double, tonnes: Double)] = []
        flows.reserveCapacity(values.count)
        for (value, quantity) in zip(values, tonnes) where value > 0 && quantity > 0 { flows.append((value / quantity, value, quantity)) }
        guard !flows.isEmpty else { return .nan }
        flows.sort { $0.unitValue < $1.unitValue }
        func median(_ weight: KeyPath<(unitValue: Double, value: Double, tonnes: Double), Double>) -> Double {
            let half = flows.reduce(0) { $0 + $1[keyPath: weight] } / 2
            var running = 0.0
            for flow in flows {
                running += flow[keyPath: weight]
                if running >= half { return flow.unitValue }
            }
            return flows[flows.count - 1].unitValue
        }
        return min(median(\.value), median(\.tonnes))
    }

    var isSortedByImporter: Bool {
        importers.indices.dropFirst().allSatisfy { (importers[$0 - 1], exporters[$0 - 1]) <= (importers[$0], exporters[$0]) }
    }

    mutating func sortByImporter() {
        if isSortedByImporter { return }
        let order = importers.indices.sorted {
            (importers[$0], exporters[$0]) < (importers[$1], exporters[$1])
        }
        exporters = order.map { exporters[$0] }
        importers = order.map { importers[$0] }
        valueKUSD = order.map { valueKUSD[$0] }
        tonnes = order.map { tonnes[$0] }
    }

    /// The index range of one importer's flows (binary search over the sorted importers).
    func range(ofImporter importer: Int32) -> Range<Int> {
        var low = 0, high = importers.count
        while low < high {
            let mid = (low + high) / 2
            if importers[mid] < importer { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < importers.count, importers[end] == importer { end += 1 }
        return low..<end
    }
}

/// One commodity's production in one year, as parallel arrays.
struct ProductionSlice: Sendable {
    var countries: [Int32] = []
    var tonnes: [Double] = []
    var publishedAmounts: [Double] = []
}

struct TradeKey: Hashable, Sendable {
    var nomenclature: Nomenclature
    var hs6: Int
    var year: Int
}

struct ProductionKey: Hashable, Sendable {
    var commodity: Int
    var year: Int
}

struct OfficialKey: Hashable, Sendable {
    var country: CountryCode
    var commodity: CommodityID
    var year: Int
}
