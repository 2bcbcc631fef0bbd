/// All flows of one HS6 product in one year, as parallel arrays sorted by importer.
///
/// Countries are dense indices into `Dataset.countries`; a missing quantity is `.nan`.
struct TradeSlice: Sendable {
    var exporters: [Int32] = []
    var importers: [Int32] = []
    var valueKUSD: [Double] = []
    var tonnes: [Double] = []

    var count: Int { importers.count }

    mutating func append(exporter: Int32, importer: Int32, valueKUSD value: Double, tonnes quantity: Double) {
        exporters.append(exporter)
        importers.append(importer)
        valueKUSD.append(value)
        tonnes.append(quantity)
    }

    /// Sorts the flows by (importer, exporter) so one importer's flows are contiguous.
    mutating func sortByImporter() {
        let isSorted = importers.indices.dropFirst().allSatisfy {
            (importers[$0 - 1], exporters[$0 - 1]) <= (importers[$0], exporters[$0])
        }
        if isSorted { return }
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
