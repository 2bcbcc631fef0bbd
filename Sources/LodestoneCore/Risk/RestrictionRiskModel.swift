import Foundation

/// The annual probability that an exporter restricts a commodity, from its governance and its
/// record of past restrictions:
///
///   p(e, c) = min(pₘₐₓ, p₀ · (wₑ / 0.5)^γ · (1 + κ·nₑ) · (1 + λ·[e restricted c before]))
///
/// wₑ the exporter's normalised WGI political-stability score (0 stable … 1 unstable; 0.5 when
/// missing), nₑ its number of recorded restriction events (the bundled presets). Exporters with less
/// than `minExportShare` of world exports of the commodity are left out. An event's severity is
/// uniform in `severityMin…severityMax`. Parameters are assumptions, documented in the parameter
/// file; users supply their own.
public struct RestrictionRiskModel: Hashable, Sendable, Codable {
    public var version: String
    public var baseAnnualProbability: Double
    public var governanceExponent: Double
    public var recordFactor: Double
    public var commodityRecordFactor: Double
    public var maxAnnualProbability: Double
    public var minExportShare: Double
    public var severityMin: Double
    public var severityMax: Double
    public var source: String

    public init(version: String, baseAnnualProbability: Double, governanceExponent: Double, recordFactor: Double,
                commodityRecordFactor: Double, maxAnnualProbability: Double, minExportShare: Double,
                severityMin: Double, severityMax: Double, source: String) {
        self.version = version
        self.baseAnnualProbability = baseAnnualProbability
        self.governanceExponent = governanceExponent
        self.recordFactor = recordFactor
        self.commodityRecordFactor = commodityRecordFactor
        self.maxAnnualProbability = maxAnnualProbability
        self.minExportShare = minExportShare
        self.severityMin = severityMin
        self.severityMax = severityMax
        self.source = source
    }

    public func probability(governance: Double?, pastEvents: Int, restrictedBefore: Bool) -> Double {
        let stability = pow((governance ?? 0.5) / 0.5, governanceExponent)
        let record = (1 + recordFactor * Double(pastEvents)) * (restrictedBefore ? 1 + commodityRecordFactor : 1)
        return min(maxAnnualProbability, baseAnnualProbability * stability * record)
    }

    public func validate() throws(LodestoneError) {
        guard (0...1).contains(baseAnnualProbability), (0...1).contains(maxAnnualProbability) else {
            throw .invalidParameter("risk model: probabilities must be in 0–1")
        }
        guard governanceExponent >= 0, recordFactor >= 0, commodityRecordFactor >= 0, (0...1).contains(minExportShare) else {
            throw .invalidParameter("risk model: exponents and factors must be ≥ 0, minExportShare in 0–1")
        }
        guard 0 <= severityMin, severityMin <= severityMax, severityMax <= 1 else {
            throw .invalidParameter("risk model: need 0 ≤ severityMin ≤ severityMax ≤ 1")
        }
    }
}
