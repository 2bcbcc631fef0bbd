import Foundation
@testable import LodestoneCore
@testable import LodestoneStore
import LodestoneTestSupport
import Testing

/// Finding 6 of issue 8: a Dataset load is one read transaction. While another connection
/// alternates the store between two real states, every load sees exactly one of them.
@Suite struct ConcurrentReadTests {
    /// Two states that differ in the first table read (countries' names), a middle one
    /// (production) and the last (trade), so a load that mixes them is caught.
    static func state(_ version: Int) -> NormalisedData {
        var data = SQLiteStoreTests().smallData()
        data.countries = data.countries.map { var c = $0; c.name += " v\(version)"; return c }
        data.production = data.production.map { var p = $0; p.tonnes = Double(version * 100); return p }
        data.governance = data.governance.map { var g = $0; g.score = version == 1 ? 0.2 : 0.7; return g }
        // Many trade rows, so a load takes long enough to overlap imports.
        data.trade = (0..<4_000).map { i in
            TradeFlow(year: 1995 + i % 25, exporter: SmallWorld.a, importer: SmallWorld.d, hs6: 100_000 + i / 25,
                      valueKUSD: Double(version), tonnes: 1)
        }
        return data
    }

    /// What a load saw: the version each part of it came from.
    static func signature(_ dataset: Dataset) -> [Int] {
        let name = dataset.countries.first.map { $0.name.hasSuffix("v1") ? 1 : 2 } ?? 0
        let production = dataset.productionRecordCount > 0
            ? ((try? dataset.concentration(of: SmallWorld.ore, year: 2020).totalTonnes).map { $0 == 100 ? 1 : 2 } ?? 0) : 0
        let governance = dataset.governanceScore(of: SmallWorld.a, year: 2020).map { $0.score == 0.2 ? 1 : 2 } ?? 0
        let values = Set(dataset.trade.values.flatMap(\.valueKUSD))
        let trade = values == [1] ? 1 : values == [2] ? 2 : 0
        return [name, production, governance, trade, dataset.tradeFlowCount]
    }

    /// The reads stop after 60 s; the time limit only guards against a hang (a run beside another
    /// test run on two cores once took more than the 2 minutes it had).
    @Test(.timeLimit(.minutes(10)))
    func everyReadSeesOneOfTheTwoStates() async throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        try SQLiteStore(path: path).replaceAll(with: Self.state(1))
        let states = [Self.state(1), Self.state(2)]
        let expected = [[1, 1, 1, 1, 4_000], [2, 2, 2, 2, 4_000]]
        let stop = Flag()
        let writer = Thread {
            guard let store = try? SQLiteStore(path: path) else { return }
            var version = 1
            while !stop.isSet {
                version = 1 - version
                try? store.replaceAll(with: states[version])
            }
        }
        writer.start()
        defer { stop.set() }
        let reader = try SQLiteStore(path: path)
        var seen: [[Int]: Int] = [:]
        var reads = 0
        let started = Date()
        while reads < 400 || !expected.allSatisfy({ seen[$0] != nil }) {
            let signature = Self.signature(try reader.loadDataset())
            seen[signature, default: 0] += 1
            reads += 1
            if Date().timeIntervalSince(started) > 60 { break }
        }
        stop.set()
        let torn = seen.filter { !expected.contains($0.key) }
        #expect(torn.isEmpty, "\(torn.values.reduce(0, +)) of \(reads) reads mixed the two states: \(torn)")
        #expect(expected.allSatisfy { seen[$0] != nil }, "both states were read: \(seen)")
    }
}

/// A thread-safe stop flag.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
