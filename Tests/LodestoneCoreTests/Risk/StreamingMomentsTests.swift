import LodestoneCore
import Testing

@Suite struct StreamingMomentsTests {
    func twoPass(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        return (mean, values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1))
    }

    @Test func matchesTwoPassMeanAndVarianceAcrossSplitsAndZeros() {
        var rng = Xoshiro256StarStar(seed: 5)
        // Zero-inflated, as simulated years are: 1,000 non-zero values among 10,000.
        let values = (0..<10_000).map { i in i % 10 == 3 ? 1e6 + 5e5 * rng.unit() : 0 }
        let reference = twoPass(values)
        var blocks = [StreamingMoments](repeating: StreamingMoments(), count: 7)
        for (i, value) in values.enumerated() where value != 0 { blocks[i % 7].add(value) }
        let sizes = (0..<7).map { b in values.indices.filter { $0 % 7 == b }.count }
        let pooled = zip(blocks, sizes).reduce(StreamingMoments()) { $0.combined(with: $1.0.padded(to: $1.1)) }
        #expect(pooled.count == values.count)
        #expect(abs(pooled.mean - reference.mean) <= 1e-9 * reference.mean)
        #expect(abs(pooled.variance - reference.variance) <= 1e-9 * reference.variance)
        #expect(abs(pooled.standardError - (reference.variance / 10_000).squareRoot()) <= 1e-9 * pooled.standardError)
    }

    @Test func edgeCases() {
        var one = StreamingMoments()
        one.add(3)
        #expect(one.mean == 3 && one.variance == 0 && one.standardError == 0)
        #expect(StreamingMoments().padded(to: 5).mean == 0)
        #expect(StreamingMoments().combined(with: one) == one)
    }
}
